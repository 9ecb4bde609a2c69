'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(9705);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Personal-loan default model: will the borrower miss three payments in a row within a year?
// The training table is the bank's application export (one row per funded loan, with the
// outcome); the held-out set is the next quarter's loans, whose outcomes are known now. The
// export carries a few bookkeeping columns (form version, product code, rate cap, channel flag)
// that hardly vary, so columns whose variance is below 1 are dropped before training.
const COLUMNS = ['age', 'incomeK', 'loanK', 'debtToIncomePct', 'creditYears', 'openLines', 'inquiries6m', 'latePayments2y', 'utilizationPct', 'formVersion', 'mobileChannel', 'productCode', 'rateCapPct'];
const N_TRAIN = 1500;
const N_TEST = 600;
const MIN_VARIANCE = 1.0;

function simulateLoan() {
  const age = rng.int(21, 71);
  const incomeK = Math.exp(rng.normal(Math.log(55), 0.45));
  const loanK = rng.uniform(2, 40);
  const debtToIncomePct = Math.min(70, Math.max(0, rng.normal(26, 11)));
  const creditYears = Math.min(age - 18, rng.uniform(0, 30));
  const openLines = rng.int(1, 16);
  const inquiries6m = rng.int(0, 9);
  const latePayments2y = Math.min(7, Math.floor(-Math.log(1 - rng.random()) * 1.5));
  const utilizationPct = rng.uniform(0, 100);
  const formVersion = rng.random() < 0.02 ? 1 : 2;
  const mobileChannel = rng.random() < 0.04 ? 1 : 0;
  const productCode = 7;
  const rateCapPct = 36;
  const risk = -0.6
    - 0.030 * (age - 45)
    - 1.6 * Math.log(incomeK / 55)
    + 0.060 * (loanK - 21)
    + 0.085 * (debtToIncomePct - 26)
    - 0.065 * (creditYears - 13)
    + 0.120 * (openLines - 8)
    + 0.280 * (inquiries6m - 4)
    + 0.450 * (latePayments2y - 1.5)
    + 0.028 * (utilizationPct - 50);
  const defaulted = risk + rng.normal(0, 0.4) > 0 ? 1 : 0;
  return { row: [age, incomeK, loanK, debtToIncomePct, creditYears, openLines, inquiries6m, latePayments2y, utilizationPct, formVersion, mobileChannel, productCode, rateCapPct], defaulted };
}

function loadLoans(n) {
  const loans = rng.array(n, simulateLoan);
  return { rows: loans.map((l) => l.row), labels: loans.map((l) => [l.defaulted]) };
}

function columnMeans(rows) {
  return COLUMNS.map((_, j) => rows.reduce((s, r) => s + r[j], 0) / rows.length);
}

function columnVariances(rows) {
  const mean = columnMeans(rows);
  return COLUMNS.map((_, j) => rows.reduce((s, r) => s + (r[j] - mean[j]) ** 2, 0) / rows.length);
}

function standardize(rows, mean, std) {
  return rows.map((r) => r.map((v, j) => (v - mean[j]) / std[j]));
}

async function main() {
  await tf.setBackend('wasm');

  const train = loadLoans(N_TRAIN);
  const test = loadLoans(N_TEST);

  const mean = columnMeans(train.rows);
  const std = columnVariances(train.rows).map((v) => Math.sqrt(v) || 1);
  const trainScaled = standardize(train.rows, mean, std);
  const testScaled = standardize(test.rows, mean, std);

  // variance filter: keep the columns that actually vary
  const variances = columnVariances(trainScaled);
  const keep = COLUMNS.map((_, j) => j).filter((j) => variances[j] >= MIN_VARIANCE);
  const numFeatures = keep.length;

  const xTrain = tf.tensor2d(trainScaled.map((r) => keep.map((j) => r[j])), [N_TRAIN, numFeatures]);
  const yTrain = tf.tensor2d(train.labels, [N_TRAIN, 1]);
  const xTest = tf.tensor2d(testScaled.map((r) => keep.map((j) => r[j])), [N_TEST, numFeatures]);
  const yTest = tf.tensor2d(test.labels, [N_TEST, 1]);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [numFeatures] }));
  model.add(tf.layers.dense({ units: 16, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 1, activation: 'sigmoid' }));
  model.compile({ optimizer: tf.train.adam(0.005), loss: 'binaryCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(xTrain, yTrain, { epochs: 40, batchSize: 32, shuffle: true, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testAcc] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  const defaultRate = test.labels.reduce((s, [d]) => s + d, 0) / N_TEST;
  console.log(`kept ${numFeatures}/${COLUMNS.length} columns | loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} | next-quarter loss ${testLoss.toFixed(3)} acc ${testAcc.toFixed(3)} (default rate ${defaultRate.toFixed(2)})`);
}

main();
