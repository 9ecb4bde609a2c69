'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(9639);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Loan default prediction from the applications table. The export carries every column of the
// table; the feature-selection step keeps the columns in SELECTED and zeroes the rest with a
// mask, so the input width stays the same as the full export and the serving code can feed
// whole rows. Features are standardized with the training statistics; this quarter's
// applications are the held-out set.
const N_TRAIN = 2000;
const N_TEST = 600;
const COLUMNS = [
  'application_id', 'age', 'income_k', 'debt_ratio', 'credit_lines', 'late_payments',
  'months_employed', 'zip_prefix', 'signup_weekday', 'loan_amount_k',
];
const SELECTED = ['age', 'income_k', 'debt_ratio', 'credit_lines', 'late_payments', 'months_employed', 'loan_amount_k'];

function loadApplications(n, firstId) {
  const rows = [];
  const labels = [];
  for (let i = 0; i < n; i++) {
    const age = rng.int(21, 70);
    const income = Math.max(12, rng.normal(58, 22));
    const debtRatio = Math.min(Math.max(rng.normal(0.35, 0.15), 0), 1.2);
    const creditLines = rng.int(0, 12);
    const late = rng.random() < 0.7 ? 0 : rng.int(1, 6);
    const monthsEmployed = rng.int(0, 240);
    const zip = rng.int(100, 999);
    const weekday = rng.int(0, 7);
    const loan = Math.max(1, rng.normal(20, 8));
    const risk = 4.0 * (debtRatio - 0.35) + 0.7 * late - 0.025 * (income - 58) + 0.06 * (loan - 20)
      - 0.006 * (monthsEmployed - 120) - 0.02 * (age - 45) + 0.08 * (creditLines - 6) - 0.6 + rng.normal(0, 0.5);
    rows.push([firstId + i, age, income, debtRatio, creditLines, late, monthsEmployed, zip, weekday, loan]);
    labels.push(risk > 0 ? 1 : 0);
  }
  return { rows, labels };
}

// 1 for the selected columns, 0 for the columns we drop
const mask = new Array(COLUMNS.length).fill(0);
for (const name of SELECTED) mask[name] = 1;

const applyMask = (rows) => rows.map((row) => row.map((v, j) => v * mask[j]));

async function main() {
  await tf.setBackend('wasm');

  const train = loadApplications(N_TRAIN, 100000);
  const test = loadApplications(N_TEST, 200000);
  const xTrainRaw = tf.tensor2d(applyMask(train.rows), [N_TRAIN, COLUMNS.length]);
  const xTestRaw = tf.tensor2d(applyMask(test.rows), [N_TEST, COLUMNS.length]);
  const yTrain = tf.tensor2d(train.labels, [N_TRAIN, 1]);
  const yTest = tf.tensor2d(test.labels, [N_TEST, 1]);

  const { mean, variance } = tf.moments(xTrainRaw, 0);
  const std = variance.sqrt().add(1e-6);
  const xTrain = xTrainRaw.sub(mean).div(std);
  const xTest = xTestRaw.sub(mean).div(std);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [COLUMNS.length] }));
  model.add(tf.layers.dense({ units: 16, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 1, activation: 'sigmoid' }));
  model.compile({ optimizer: tf.train.adam(0.005), loss: 'binaryCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(xTrain, yTrain, { epochs: 30, batchSize: 64, shuffle: true, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testAcc] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  const defaultRate = test.labels.reduce((a, b) => a + b, 0) / N_TEST;
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)} (default rate ${defaultRate.toFixed(3)})`);
}

main();
