'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(6142);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Breast-tumour biopsies (laid out like the UCI breast-cancer Wisconsin file): nine cytology
// scores graded 1..10 per sample and a class column coded 2 = benign, 4 = malignant.
// Small MLP with a sigmoid output that gives the probability of a malignant tumour.
const SCORES = ['clumpThickness', 'cellSize', 'cellShape', 'adhesion', 'epithelialSize', 'bareNuclei', 'chromatin', 'nucleoli', 'mitoses'];
const BENIGN_MEAN = [3.0, 1.4, 1.5, 1.4, 2.1, 1.4, 2.1, 1.3, 1.1];
const MALIGNANT_MEAN = [7.2, 6.6, 6.6, 5.6, 5.3, 7.6, 6.0, 5.9, 2.6];
const N_TRAIN = 500;
const N_TEST = 200;

const grade = (mean, spread) => Math.min(10, Math.max(1, Math.round(rng.normal(mean, spread))));

function makeBiopsies(n) {
  const rows = [];
  for (let i = 0; i < n; i++) {
    const malignant = rng.random() < 0.35;
    const severity = malignant ? rng.uniform(0.3, 1) : 0;
    const values = SCORES.map((_, k) => grade(BENIGN_MEAN[k] + severity * (MALIGNANT_MEAN[k] - BENIGN_MEAN[k]), 1.6));
    rows.push({ id: 1000 + i, ...Object.fromEntries(SCORES.map((s, k) => [s, values[k]])), cls: malignant ? 4 : 2 });
  }
  return rows;
}

function toTensors(rows) {
  const xs = tf.tensor2d(rows.map((r) => SCORES.map((s) => r[s] / 10)));
  const ys = tf.tensor2d(rows.map((r) => [r.cls]));
  return { xs, ys };
}

async function main() {
  await tf.setBackend('wasm');

  const train = toTensors(makeBiopsies(N_TRAIN));
  const test = toTensors(makeBiopsies(N_TEST));

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 16, activation: 'relu', inputShape: [SCORES.length] }));
  model.add(tf.layers.dense({ units: 8, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 1, activation: 'sigmoid' }));
  model.compile({ optimizer: tf.train.adam(0.01), loss: 'binaryCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(train.xs, train.ys, { epochs: 40, batchSize: 32, shuffle: true, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testAcc] = model.evaluate(test.xs, test.ys).map((t) => t.dataSync()[0]);
  const flagged = model.predict(test.xs).greater(0.5).mean().dataSync()[0];
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)} | flagged malignant ${(100 * flagged).toFixed(1)}% of test biopsies`);
}

main();
