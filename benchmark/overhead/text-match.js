// Text read with regular expressions before a short fit: 50,000 log lines, each tokenized with
// split(/\W+/) and its signed readings matched with /-?\d+(\.\d+)?/g. What the probe's watches on
// the script's own regex splits and matches cost is in here; trainMs times the parsing and the fit.
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');
const { seedEverything } = require('../lib/prng');

const rng = seedEverything(23);
const WORDS = ['sensor', 'north', 'south', 'reading', 'ok', 'warn', 'drift', 'temp', 'flow', 'valve'];

async function main() {
  await tf.setBackend('wasm');
  const n = 50000;
  const lines = [];
  for (let i = 0; i < n; i++) {
    const words = Array.from({ length: 4 }, () => WORDS[rng.int(0, WORDS.length)]).join(' ');
    lines.push(`${words}: ax=${rng.normal(0, 2).toFixed(3)} ay=${rng.normal(0, 2).toFixed(3)} az=${rng.normal(0, 2).toFixed(3)}, state ${rng.int(0, 2)}`);
  }
  const vocab = new Map(WORDS.map((w, i) => [w, i]));
  const t0 = performance.now();
  const rows = [];
  const labels = [];
  for (const line of lines) {
    const counts = new Array(WORDS.length).fill(0);
    for (const token of line.toLowerCase().split(/\W+/)) if (vocab.has(token)) counts[vocab.get(token)]++;
    const numbers = line.match(/-?\d+(\.\d+)?/g).map(Number);
    rows.push([...counts, ...numbers.slice(0, 3)]);
    labels.push(numbers[3]);
  }
  const xs = tf.tensor2d(rows);
  const ys = tf.oneHot(tf.tensor1d(labels, 'int32'), 2).toFloat();
  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 16, activation: 'relu', inputShape: [WORDS.length + 3] }));
  model.add(tf.layers.dense({ units: 2, activation: 'softmax' }));
  model.compile({ optimizer: tf.train.adam(0.001), loss: 'categoricalCrossentropy' });
  const history = await model.fit(xs, ys, { epochs: 1, batchSize: 256, verbose: 0 });
  const trainMs = performance.now() - t0;
  console.log(JSON.stringify({ trainMs, loss: history.history.loss.at(-1) }));
}
main();
