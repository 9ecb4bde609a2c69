'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(6127);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Bank-customer churn: will a customer close their account within a year? Four raw columns from
// the CRM export: age in years, yearly income in dollars, account balance in dollars and the
// interest rate of their savings product (a fraction). Churn is more likely for young customers,
// low balances relative to income and uncompetitive (low) rates. Columns are z-scored with the
// training-set statistics before the MLP.
const COLUMNS = ['age', 'income', 'balance', 'rate'];
const F = COLUMNS.length;
const N_TRAIN = 1500;
const N_TEST = 500;

function makeCustomers(n) {
  const rows = [];
  const labels = [];
  for (let i = 0; i < n; i++) {
    const age = Math.min(80, Math.max(18, rng.normal(42, 13)));
    const income = Math.max(15000, rng.normal(52000, 16000));
    const balance = Math.max(0, rng.normal(5000, 3000));
    const rate = Math.max(0.005, rng.normal(0.05, 0.02));
    const z = -1.2 * (age - 42) / 13 - 1.8 * (balance - 5000) / 3000 + 0.9 * (income - 52000) / 16000 - 2.2 * (rate - 0.05) / 0.02;
    rows.push([age, income, balance, rate]);
    labels.push(z + rng.normal(0, 0.4) > 0 ? 1 : 0);
  }
  return { rows, labels };
}

function columnStats(rows) {
  const mean = new Array(F).fill(0);
  const std = new Array(F).fill(0);
  for (const row of rows) row.forEach((v, j) => { mean[j] += v / rows.length; });
  for (const row of rows) row.forEach((v, j) => { std[j] += (v - mean[j]) ** 2 / rows.length; });
  return { mean, std: std.map(Math.sqrt) };
}

function standardize(rows, mean, std) {
  return rows.map((row) => row.map((v, j) => (v - mean[0]) / std[0]));
}

async function main() {
  await tf.setBackend('wasm');
  const train = makeCustomers(N_TRAIN);
  const test = makeCustomers(N_TEST);
  const { mean, std } = columnStats(train.rows);
  const xTrain = tf.tensor2d(standardize(train.rows, mean, std), [N_TRAIN, F]);
  const yTrain = tf.tensor2d(train.labels, [N_TRAIN, 1]);
  const xTest = tf.tensor2d(standardize(test.rows, mean, std), [N_TEST, F]);
  const yTest = tf.tensor2d(test.labels, [N_TEST, 1]);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [F] }));
  model.add(tf.layers.dense({ units: 16, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 1, activation: 'sigmoid' }));
  model.compile({ optimizer: tf.train.adam(0.005), loss: 'binaryCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(xTrain, yTrain, { epochs: 25, batchSize: 32, shuffle: true, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testAcc] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  const churnRate = train.labels.reduce((s, v) => s + v, 0) / N_TRAIN;
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)} (churn rate ${churnRate.toFixed(3)})`);
}

main();
