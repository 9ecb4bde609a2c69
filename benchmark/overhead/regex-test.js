// Keyword flags read with RegExp test() before a short fit: 100,000 review lines, each tested with a
// sticky-free pattern and with a global one whose lastIndex the script resets (the careful way to
// reuse a /g pattern). What the probe's watch on test() over global patterns costs is in here;
// trainMs times the tests and the fit.
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');
const { seedEverything } = require('../lib/prng');

const rng = seedEverything(29);
const WORDS = ['great', 'awful', 'fine', 'broke', 'love', 'late', 'box', 'price', 'fast', 'slow'];

async function main() {
  await tf.setBackend('wasm');
  const n = 100000;
  const lines = [];
  for (let i = 0; i < n; i++) lines.push(Array.from({ length: 8 }, () => WORDS[rng.int(0, WORDS.length)]).join(' '));
  const positive = /great|love|fast/i;
  const negative = /awful|broke|slow/gi;
  const t0 = performance.now();
  const rows = [];
  const labels = [];
  for (const line of lines) {
    negative.lastIndex = 0;
    const pos = positive.test(line) ? 1 : 0;
    const neg = negative.test(line) ? 1 : 0;
    rows.push([pos, neg, line.length / 64]);
    labels.push(pos > neg ? 1 : 0);
  }
  const xs = tf.tensor2d(rows);
  const ys = tf.tensor2d(labels, [n, 1]);
  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 8, activation: 'relu', inputShape: [3] }));
  model.add(tf.layers.dense({ units: 1, activation: 'sigmoid' }));
  model.compile({ optimizer: tf.train.adam(0.01), loss: 'binaryCrossentropy' });
  const history = await model.fit(xs, ys, { epochs: 1, batchSize: 512, verbose: 0 });
  const trainMs = performance.now() - t0;
  console.log(JSON.stringify({ trainMs, loss: history.history.loss.at(-1) }));
}
main();
