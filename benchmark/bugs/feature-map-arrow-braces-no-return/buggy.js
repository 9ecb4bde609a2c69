'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(9657);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Churn prediction for a broadband provider: will the customer cancel within the next quarter?
// Each customer record holds tenure, monthly charge, total billed, support calls, outages,
// download volume, contract length and autopay. Columns are z-scored with the training
// statistics (outliers clipped) and fed to a small MLP.
const COLUMNS = ['tenure', 'monthly', 'total', 'calls', 'outages', 'downloadGb', 'contractMonths', 'autopay'];
const N_TRAIN = 1500;
const N_TEST = 500;
const CLIP = 5;

function exportCustomers(n) {
  const records = [];
  for (let i = 0; i < n; i++) {
    const tenure = rng.int(1, 73); // months
    const contractMonths = [1, 12, 24][rng.int(0, 3)];
    const monthly = rng.uniform(25, 110);
    const total = tenure * monthly * rng.uniform(0.9, 1.05);
    const calls = Math.max(0, Math.round(rng.normal(2, 1.5)));
    const outages = Math.max(0, Math.round(rng.normal(1, 1)));
    const downloadGb = Math.max(5, rng.normal(250, 120));
    const autopay = rng.random() < 0.55 ? 1 : 0;
    const risk = 1.2 - 0.05 * tenure + 0.025 * (monthly - 65) + 0.6 * calls + 0.5 * outages
      - (contractMonths === 1 ? 0 : contractMonths === 12 ? 1.5 : 2.5) - 0.8 * autopay - 0.002 * (downloadGb - 250);
    const churned = rng.random() < 1 / (1 + Math.exp(-2 * risk)) ? 1 : 0;
    records.push({ tenure, monthly, total, calls, outages, downloadGb, contractMonths, autopay, churned });
  }
  return records;
}

function columnStats(rows) {
  const mean = COLUMNS.map((_, j) => rows.reduce((s, r) => s + r[j], 0) / rows.length);
  const std = COLUMNS.map((_, j) => Math.sqrt(rows.reduce((s, r) => s + (r[j] - mean[j]) ** 2, 0) / rows.length) || 1);
  return { mean, std };
}

// z-score every column and clip extreme values to +-CLIP standard deviations
function standardize(rows, { mean, std }) {
  return rows.map((row) => row.map((v, j) => {
    const z = (v - mean[j]) / std[j];
    Math.max(-CLIP, Math.min(CLIP, z));
  }));
}

async function main() {
  await tf.setBackend('wasm');

  const trainRecords = exportCustomers(N_TRAIN);
  const testRecords = exportCustomers(N_TEST);
  const toRows = (records) => records.map((r) => COLUMNS.map((c) => r[c]));
  const trainRows = toRows(trainRecords);
  const stats = columnStats(trainRows);

  const xTrain = tf.tensor2d(standardize(trainRows, stats));
  const yTrain = tf.tensor2d(trainRecords.map((r) => [r.churned]));
  const xTest = tf.tensor2d(standardize(toRows(testRecords), stats));
  const yTest = tf.tensor2d(testRecords.map((r) => [r.churned]));

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [COLUMNS.length] }));
  model.add(tf.layers.dense({ units: 16, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 1, activation: 'sigmoid' }));
  model.compile({ optimizer: tf.train.adam(0.005), loss: 'binaryCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(xTrain, yTrain, { epochs: 30, batchSize: 32, shuffle: true, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const churnRate = trainRecords.filter((r) => r.churned).length / N_TRAIN;
  const [testLoss, testAcc] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)} (churn rate ${churnRate.toFixed(3)})`);
}

main();
