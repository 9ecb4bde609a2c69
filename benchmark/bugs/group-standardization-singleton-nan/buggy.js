'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(9574);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Card-fraud screening on one month of transactions. What gives fraud away is an amount that is
// unusual *for that customer* (a 900 purchase is routine for some cards and alarming for others),
// so the amount is standardized within each customer's own transactions of the month. Together
// with the hour of day, a foreign-merchant flag and the merchant category's risk score it goes
// into a small MLP with a sigmoid output. 20% of the transactions are held out.
const N_CUSTOMERS = 500;
const RISKY_CATEGORIES = [0.05, 0.1, 0.2, 0.6, 0.9];
const NUM_FEATURES = 5;

// Simulated ledger export: one row per transaction with the customer id.
function loadLedger() {
  const rows = [];
  for (let c = 0; c < N_CUSTOMERS; c++) {
    const typical = Math.exp(rng.normal(3.5, 1)); // the customer's usual ticket size
    const u = rng.random();
    const count = u < 0.12 ? 1 : rng.int(2, 14); // transactions this month
    for (let k = 0; k < count; k++) {
      const fraud = rng.random() < 0.12;
      const amount = typical * Math.exp(rng.normal(fraud ? 1.8 : 0, 0.35));
      const hour = fraud && rng.random() < 0.6 ? rng.int(0, 6) : rng.int(7, 24);
      const foreign = rng.random() < (fraud ? 0.45 : 0.08) ? 1 : 0;
      const risk = RISKY_CATEGORIES[rng.int(0, RISKY_CATEGORIES.length)];
      rows.push({ customer: c, amount, hour, foreign, risk, fraud: fraud ? 1 : 0 });
    }
  }
  return rows;
}

// Per-customer mean and sample standard deviation of the (log) amount.
function customerStats(rows) {
  const groups = new Map();
  for (const r of rows) {
    if (!groups.has(r.customer)) groups.set(r.customer, []);
    groups.get(r.customer).push(Math.log(r.amount));
  }
  const stats = new Map();
  for (const [customer, values] of groups) {
    const n = values.length;
    const mean = values.reduce((a, b) => a + b, 0) / n;
    const ss = values.reduce((a, v) => a + (v - mean) ** 2, 0);
    const std = Math.sqrt(ss / (n - 1));
    stats.set(customer, { n, mean, std });
  }
  return stats;
}

function amountZ(row, stats) {
  const { mean, std } = stats.get(row.customer);
  return (Math.log(row.amount) - mean) / std;
}

function toFeatures(rows, stats) {
  return rows.map((r) => [
    amountZ(r, stats),
    Math.sin((2 * Math.PI * r.hour) / 24),
    Math.cos((2 * Math.PI * r.hour) / 24),
    r.foreign,
    r.risk,
  ]);
}

async function main() {
  await tf.setBackend('wasm');

  const rows = loadLedger();
  const stats = customerStats(rows);
  const order = tf.util.createShuffledIndices(rows.length);
  const nTrain = Math.floor(0.8 * rows.length);
  const trainRows = Array.from(order.slice(0, nTrain)).map((i) => rows[i]);
  const testRows = Array.from(order.slice(nTrain)).map((i) => rows[i]);

  const xTrain = tf.tensor2d(toFeatures(trainRows, stats), [trainRows.length, NUM_FEATURES]);
  const yTrain = tf.tensor2d(trainRows.map((r) => [r.fraud]), [trainRows.length, 1]);
  const xTest = tf.tensor2d(toFeatures(testRows, stats), [testRows.length, NUM_FEATURES]);
  const yTest = tf.tensor2d(testRows.map((r) => [r.fraud]), [testRows.length, 1]);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [NUM_FEATURES] }));
  model.add(tf.layers.dense({ units: 16, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 1, activation: 'sigmoid' }));
  model.compile({ optimizer: tf.train.adam(0.005), loss: 'binaryCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(xTrain, yTrain, { epochs: 25, batchSize: 64, shuffle: true, verbose: 0 });

  // Recall at the alerting threshold matters more than accuracy: most transactions are legitimate.
  const probs = model.predict(xTest).dataSync();
  const labels = yTest.dataSync();
  let caught = 0;
  let flagged = 0;
  let frauds = 0;
  probs.forEach((p, i) => {
    if (p > 0.5) flagged++;
    if (labels[i] === 1) frauds++;
    if (p > 0.5 && labels[i] === 1) caught++;
  });
  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testAcc] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)} fraud recall ${(caught / frauds).toFixed(3)} precision ${(caught / Math.max(flagged, 1)).toFixed(3)}`);
}

main();
