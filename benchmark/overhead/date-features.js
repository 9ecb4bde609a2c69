// Calendar features read from 100,000 timestamps before a short fit: weekday, hour and month of
// each (300,000 Date reads). What the probe's watch on the script's date reads costs is in here;
// trainMs times the features and the fit together.
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');
const { seedEverything } = require('../lib/prng');

const rng = seedEverything(19);

async function main() {
  await tf.setBackend('wasm');
  const n = 100000;
  const start = Date.UTC(2024, 0, 1);
  const stamps = Array.from({ length: n }, () => start + Math.floor(rng.random() * 365 * 24 * 3600 * 1000));
  const t0 = performance.now();
  const rows = [];
  const labels = [];
  for (const ts of stamps) {
    const d = new Date(ts);
    const day = d.getUTCDay();
    const hour = d.getUTCHours();
    const month = d.getUTCMonth();
    rows.push([day / 6, hour / 23, month / 11]);
    labels.push(day === 0 || day === 6 ? 1 : 0);
  }
  const xs = tf.tensor2d(rows);
  const ys = tf.tensor2d(labels, [n, 1]);
  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 16, activation: 'relu', inputShape: [3] }));
  model.add(tf.layers.dense({ units: 1, activation: 'sigmoid' }));
  model.compile({ optimizer: tf.train.adam(0.001), loss: 'binaryCrossentropy' });
  const history = await model.fit(xs, ys, { epochs: 1, batchSize: 256, verbose: 0 });
  const trainMs = performance.now() - t0;
  console.log(JSON.stringify({ trainMs, loss: history.history.loss.at(-1) }));
}
main();
