// The MLP of mlp-wasm trained through fitDataset on a shuffled tf.data pipeline (1,280 steps on
// wasm): the probe also reads the classes of the first epoch's batches on their way to fit.
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');
const { seedEverything } = require('../lib/prng');

const rng = seedEverything(11);
const EPOCHS = Number(process.env.EPOCHS ?? 10);

async function main() {
  await tf.setBackend('wasm');
  const n = 4096;
  const rows = [];
  for (let i = 0; i < n; i++) {
    const xs = rng.array(32, () => rng.normal());
    rows.push({ xs, ys: xs[0] + xs[1] > 0 ? [0, 1] : [1, 0] });
  }
  const dataset = tf.data
    .array(rows)
    .shuffle(n, 'overhead')
    .map(({ xs, ys }) => ({ xs: tf.tensor1d(xs), ys: tf.tensor1d(ys) }))
    .batch(32);
  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 128, activation: 'relu', inputShape: [32] }));
  model.add(tf.layers.dense({ units: 128, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 64, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 2, activation: 'softmax' }));
  model.compile({ optimizer: tf.train.adam(0.001), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });
  const t0 = performance.now();
  const history = await model.fitDataset(dataset, { epochs: EPOCHS, verbose: 0 });
  const trainMs = performance.now() - t0;
  console.log(JSON.stringify({ trainMs, steps: EPOCHS * Math.ceil(n / 32), loss: history.history.loss.at(-1) }));
}
main();
