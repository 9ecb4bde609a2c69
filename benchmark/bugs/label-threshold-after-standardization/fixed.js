'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(9666);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Flag "high value" customers (more than $500 spent over the next quarter) from what the shop
// knows about them today. The training table is last year's customer export with the quarter's
// actual spend in the last column; the held-out set is this quarter's accounts that the CRM team
// already tagged with the high-value flag. Columns are standardized, then a small MLP is trained.
const COLUMNS = ['age', 'tenureMonths', 'visitsPerMonth', 'avgBasket', 'emailOpens', 'spend'];
const N_TRAIN = 1200;
const N_TEST = 400;
const HIGH_VALUE = 500;

function simulateCustomer() {
  const age = rng.int(18, 75);
  const tenureMonths = rng.int(1, 96);
  const visitsPerMonth = Math.max(0, rng.normal(3.5, 2));
  const avgBasket = Math.max(5, rng.normal(40, 18));
  const emailOpens = rng.int(0, 12);
  // quarterly spend: three months of visits times the basket, plus loyalty and engagement
  const spend = Math.max(0, 3 * visitsPerMonth * avgBasket * (0.8 + tenureMonths / 240) + 8 * emailOpens + rng.normal(0, 40));
  return [age, tenureMonths, visitsPerMonth, avgBasket, emailOpens, spend];
}

function loadCustomerExport(n) {
  return rng.array(n, simulateCustomer);
}

function loadTaggedAccounts(n) {
  const rows = rng.array(n, simulateCustomer);
  return {
    features: rows.map((r) => r.slice(0, COLUMNS.length - 1)),
    highValue: rows.map((r) => (r[COLUMNS.length - 1] > HIGH_VALUE ? 1 : 0)),
  };
}

function columnStats(table) {
  const mean = COLUMNS.map((_, j) => table.reduce((s, r) => s + r[j], 0) / table.length);
  const std = COLUMNS.map((_, j) => Math.sqrt(table.reduce((s, r) => s + (r[j] - mean[j]) ** 2, 0) / table.length) || 1);
  return { mean, std };
}

async function main() {
  await tf.setBackend('wasm');

  const table = loadCustomerExport(N_TRAIN);
  const { mean, std } = columnStats(table);
  const scaled = table.map((r) => r.map((v, j) => (v - mean[j]) / std[j]));

  // features are every column but the last; the label is whether the quarter's spend passed $500
  const SPEND = COLUMNS.indexOf('spend');
  const xTrainRows = scaled.map((r) => r.slice(0, SPEND));
  const yTrainRows = table.map((r) => [r[SPEND] > HIGH_VALUE ? 1 : 0]);

  const holdout = loadTaggedAccounts(N_TEST);
  const xTestRows = holdout.features.map((r) => r.map((v, j) => (v - mean[j]) / std[j]));

  const xTrain = tf.tensor2d(xTrainRows, [N_TRAIN, SPEND]);
  const yTrain = tf.tensor2d(yTrainRows, [N_TRAIN, 1]);
  const xTest = tf.tensor2d(xTestRows, [N_TEST, SPEND]);
  const yTest = tf.tensor2d(holdout.highValue, [N_TEST, 1]);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 16, activation: 'relu', inputShape: [SPEND] }));
  model.add(tf.layers.dense({ units: 8, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 1, activation: 'sigmoid' }));
  model.compile({ optimizer: tf.train.adam(0.01), loss: 'binaryCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(xTrain, yTrain, { epochs: 25, batchSize: 32, shuffle: true, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testAcc] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  const positiveRate = holdout.highValue.reduce((a, b) => a + b, 0) / N_TEST;
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)} (high-value share ${positiveRate.toFixed(2)})`);
}

main();
