// A 200-layer dense model (16 units per layer, residual-free, tanh) on wasm: the probe's
// per-iteration cost must not grow with depth.
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');
const { seedEverything } = require('../lib/prng');

const rng = seedEverything(14);
const EPOCHS = Number(process.env.EPOCHS ?? 4);

async function main() {
  await tf.setBackend('wasm');
  const n = 512;
  const x = rng.array(n * 16, () => rng.normal());
  const y = [];
  for (let i = 0; i < n; i++) y.push(x[i * 16] > 0 ? 1 : 0);
  const xs = tf.tensor2d(x, [n, 16]);
  const ys = tf.tensor2d(y, [n, 1]);
  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 16, activation: 'tanh', inputShape: [16] }));
  for (let i = 0; i < 198; i++) model.add(tf.layers.dense({ units: 16, activation: 'tanh', kernelInitializer: 'leCunNormal' }));
  model.add(tf.layers.dense({ units: 1, activation: 'sigmoid' }));
  model.compile({ optimizer: tf.train.adam(0.001), loss: 'binaryCrossentropy' });
  const t0 = performance.now();
  const history = await model.fit(xs, ys, { epochs: EPOCHS, batchSize: 32, verbose: 0 });
  const trainMs = performance.now() - t0;
  console.log(JSON.stringify({ trainMs, steps: EPOCHS * Math.ceil(n / 32), loss: history.history.loss.at(-1) }));
}
main();
