// A dense MLP on the wasm backend, sized to train for about 20 s on 2 cores (4,608 steps of fit).
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');
const { seedEverything } = require('../lib/prng');

const rng = seedEverything(11);
const EPOCHS = Number(process.env.EPOCHS ?? 36);

async function main() {
  await tf.setBackend('wasm');
  const n = 4096;
  const x = rng.array(n * 32, () => rng.normal());
  const y = [];
  for (let i = 0; i < n; i++) y.push(x[i * 32] + x[i * 32 + 1] > 0 ? 1 : 0);
  const xs = tf.tensor2d(x, [n, 32]);
  const ys = tf.oneHot(tf.tensor1d(y, 'int32'), 2).toFloat();
  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 128, activation: 'relu', inputShape: [32] }));
  model.add(tf.layers.dense({ units: 128, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 64, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 2, activation: 'softmax' }));
  model.compile({ optimizer: tf.train.adam(0.001), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });
  const t0 = performance.now();
  const history = await model.fit(xs, ys, { epochs: EPOCHS, batchSize: 32, shuffle: true, verbose: 0 });
  const trainMs = performance.now() - t0;
  console.log(JSON.stringify({ trainMs, steps: EPOCHS * Math.ceil(n / 32), loss: history.history.loss.at(-1) }));
}
main();
