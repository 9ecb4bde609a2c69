// A dense regression whose training targets hold one NaN: the fault starts exactly at the
// iteration whose batch contains it (no shuffling), here ONSET.
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');
const { seedEverything } = require('../lib/prng');

const rng = seedEverything(21);
const ONSET = Number(process.env.ONSET ?? 40);
const BATCH = 32;

async function main() {
  await tf.setBackend('wasm');
  const n = BATCH * 100;
  const x = rng.array(n * 8, () => rng.normal());
  const y = [];
  for (let i = 0; i < n; i++) y.push(x[i * 8] - x[i * 8 + 1]);
  y[ONSET * BATCH + 5] = NaN;
  const xs = tf.tensor2d(x, [n, 8]);
  const ys = tf.tensor2d(y, [n, 1]);
  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 16, activation: 'tanh', inputShape: [8] }));
  model.add(tf.layers.dense({ units: 1 }));
  model.compile({ optimizer: tf.train.adam(0.01), loss: 'meanSquaredError' });
  await model.fit(xs, ys, { epochs: 2, batchSize: BATCH, shuffle: false, verbose: 0 });
}
main();
