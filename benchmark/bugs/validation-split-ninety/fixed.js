'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(5821);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Binary churn-style classifier on a synthetic table of 30 standardized columns. The label
// depends on interactions between a few columns (customers churn when two usage signals
// disagree); the other columns are noise. Keras-style validationSplit keeps part of the rows
// aside to watch generalization while training.
const NUM_FEATURES = 30;
const N = 3000;

function makeTable(n) {
  const xs = [];
  const ys = [];
  for (let i = 0; i < n; i++) {
    const r = rng.array(NUM_FEATURES, () => rng.normal(0, 1));
    const score = r[0] * r[1] + 0.7 * r[2] * r[3] + 0.3 * r[4];
    xs.push(r);
    ys.push(score > 0 ? 1 : 0);
  }
  return { xs, ys };
}

async function main() {
  await tf.setBackend('wasm');

  const table = makeTable(N);
  const xs = tf.tensor2d(table.xs, [N, NUM_FEATURES]);
  const ys = tf.tensor2d(table.ys, [N, 1]);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 64, activation: 'relu', inputShape: [NUM_FEATURES] }));
  model.add(tf.layers.dense({ units: 64, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 1, activation: 'sigmoid' }));
  model.compile({ optimizer: tf.train.adam(0.003), loss: 'binaryCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(xs, ys, { epochs: 20, batchSize: 32, validationSplit: 0.1, shuffle: true, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} | val loss ${h.val_loss[last].toFixed(3)} val acc ${h.val_acc[last].toFixed(3)}`);
}

main();
