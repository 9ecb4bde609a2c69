// fit over many short epochs (XOR, 8 rows, two steps an epoch, 1,500 epochs) on the wasm backend:
// what the probe does once an epoch (its callbacks, the epoch event, the leak watch's per-epoch
// bookkeeping) weighs here as much as what it does per step.
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');
const { seedEverything } = require('../lib/prng');

seedEverything(17);
const EPOCHS = Number(process.env.EPOCHS ?? 1500);

async function main() {
  await tf.setBackend('wasm');
  const xs = tf.tensor2d([[0, 0], [0, 1], [1, 0], [1, 1], [0, 0], [0, 1], [1, 0], [1, 1]]);
  const ys = tf.tensor2d([[0], [1], [1], [0], [0], [1], [1], [0]]);
  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 8, activation: 'tanh', inputShape: [2] }));
  model.add(tf.layers.dense({ units: 1, activation: 'sigmoid' }));
  model.compile({ optimizer: tf.train.adam(0.05), loss: 'binaryCrossentropy' });
  const t0 = performance.now();
  const history = await model.fit(xs, ys, { epochs: EPOCHS, batchSize: 4, verbose: 0 });
  const trainMs = performance.now() - t0;
  console.log(JSON.stringify({ trainMs, steps: EPOCHS * 2, loss: history.history.loss.at(-1) }));
}
main();
