'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(7731);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Loan default prediction from an applicant's record: age, yearly income, loan amount, months
// at current job, credit utilisation (%) and number of late payments in the last two years.
// Income and loan amounts are heavy-tailed, so the columns are scaled with the outlier-robust
// recipe of scikit-learn's RobustScaler: subtract the median, divide by the interquartile range.
const COLUMNS = ['age', 'income', 'loanAmount', 'monthsEmployed', 'utilisation', 'latePayments'];
const N_TRAIN = 1200;
const N_TEST = 400;

function makeApplicants(n) {
  const rows = [];
  const labels = [];
  for (let i = 0; i < n; i++) {
    const age = Math.round(rng.uniform(21, 70));
    const income = Math.round(Math.exp(rng.normal(10.8, 0.5)));
    const loanAmount = Math.round(Math.exp(rng.normal(9.5, 0.7)));
    const monthsEmployed = Math.round(rng.uniform(0, 240));
    const utilisation = Math.min(100, Math.max(0, rng.normal(35, 20)));
    const latePayments = rng.random() < 0.8 ? 0 : rng.int(1, 7);
    const logit = -1.6 + 0.9 * latePayments + 2.5 * (loanAmount / income) + 0.03 * (utilisation - 35) - 0.006 * monthsEmployed;
    rows.push([age, income, loanAmount, monthsEmployed, utilisation, latePayments]);
    labels.push(rng.random() < 1 / (1 + Math.exp(-logit)) ? 1 : 0);
  }
  return { rows, labels };
}

// linear-interpolated quantile of a sorted array
function quantile(sorted, q) {
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}

// per-column median and interquartile range, fitted on the training rows
function fitRobustScaler(rows) {
  const medians = [];
  const ranges = [];
  for (let j = 0; j < rows[0].length; j++) {
    const col = rows.map((r) => r[j]).sort((a, b) => a - b);
    medians.push(quantile(col, 0.5));
    ranges.push(quantile(col, 0.75) - quantile(col, 0.25) || 1);
  }
  return { medians, ranges };
}

async function main() {
  await tf.setBackend('wasm');

  const train = makeApplicants(N_TRAIN);
  const test = makeApplicants(N_TEST);
  const scaler = fitRobustScaler(train.rows);
  const center = tf.tensor1d(scaler.medians);
  const scale = tf.tensor1d(scaler.ranges);
  const xTrain = tf.tensor2d(train.rows, [N_TRAIN, COLUMNS.length]).sub(center).div(scale);
  const yTrain = tf.tensor2d(train.labels, [N_TRAIN, 1]);
  const xTest = tf.tensor2d(test.rows, [N_TEST, COLUMNS.length]).sub(center).div(scale);
  const yTest = tf.tensor2d(test.labels, [N_TEST, 1]);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [COLUMNS.length] }));
  model.add(tf.layers.dense({ units: 16, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 1, activation: 'sigmoid' }));
  model.compile({ optimizer: tf.train.adam(0.003), loss: 'binaryCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(xTrain, yTrain, { epochs: 30, batchSize: 32, shuffle: true, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testAcc] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
