// Text parsed line by line before a short fit: 100,000 comma-separated lines split and read with
// parseFloat and parseInt. What the probe's watches on the script's own splits and number parsing
// cost is in here; trainMs times the parse and the fit together.
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');
const { seedEverything } = require('../lib/prng');

const rng = seedEverything(17);

async function main() {
  await tf.setBackend('wasm');
  const n = 100000;
  const lines = [];
  for (let i = 0; i < n; i++) lines.push([rng.random().toFixed(4), (rng.random() * 5).toFixed(3), String(rng.int(0, 9)), rng.normal(0, 1).toFixed(5), String(rng.int(0, 2))].join(','));
  const text = lines.join('\n');
  const t0 = performance.now();
  const rows = [];
  const labels = [];
  for (const line of text.split('\n')) {
    const cells = line.split(',');
    rows.push(cells.slice(0, 4).map((c) => parseFloat(c)));
    labels.push(parseInt(cells[4], 10));
  }
  const xs = tf.tensor2d(rows);
  const ys = tf.oneHot(tf.tensor1d(labels, 'int32'), 2).toFloat();
  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 16, activation: 'relu', inputShape: [4] }));
  model.add(tf.layers.dense({ units: 2, activation: 'softmax' }));
  model.compile({ optimizer: tf.train.adam(0.001), loss: 'categoricalCrossentropy' });
  const history = await model.fit(xs, ys, { epochs: 1, batchSize: 256, verbose: 0 });
  const trainMs = performance.now() - t0;
  console.log(JSON.stringify({ trainMs, loss: history.history.loss.at(-1) }));
}
main();
