// Whole-number ids past 2^24 made into tensors before a short fit: 64 batches of 20,000 database ids
// (multiples of 8 above 2^26, which float32 holds exactly, so none merge and every call is read in
// full), and 64 tables of 2,000 rows. What the probe's reads of the arrays given to tensor factories
// cost is in here; trainMs times the tensors made and the fit.
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');
const { seedEverything } = require('../lib/prng');

const rng = seedEverything(31);
const BASE = 2 ** 26;

async function main() {
  await tf.setBackend('wasm');
  const batches = [];
  for (let b = 0; b < 64; b++) batches.push(Array.from({ length: 20000 }, () => BASE + 8 * rng.int(0, 1 << 20)));
  const tables = [];
  for (let b = 0; b < 64; b++) tables.push(Array.from({ length: 2000 }, () => [rng.normal(), rng.normal(), rng.normal(), rng.normal()]));
  const t0 = performance.now();
  let checksum = 0;
  for (let b = 0; b < 64; b++) {
    const ids = tf.tensor1d(batches[b]);
    const rows = tf.tensor2d(tables[b]);
    checksum += ids.shape[0] + rows.shape[0];
    ids.dispose();
    rows.dispose();
  }
  const xs = tf.tensor2d(tables[0]);
  const ys = tf.tensor2d(tables[0].map((r) => [r[0] + r[1] > 0 ? 1 : 0]));
  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 8, activation: 'relu', inputShape: [4] }));
  model.add(tf.layers.dense({ units: 1, activation: 'sigmoid' }));
  model.compile({ optimizer: tf.train.adam(0.01), loss: 'binaryCrossentropy' });
  const history = await model.fit(xs, ys, { epochs: 2, batchSize: 256, verbose: 0 });
  const trainMs = performance.now() - t0;
  console.log(JSON.stringify({ trainMs, checksum, loss: history.history.loss.at(-1) }));
}
main();
