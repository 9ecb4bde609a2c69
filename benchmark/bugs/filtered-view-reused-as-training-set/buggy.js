'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(9538);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Churn prediction for a subscription service. Each customer record comes from the billing
// export: tenure, monthly charge, support calls, contract type, payment method, usage trend.
// Before training we take a quick look at the customers who churned, then standardize the
// features with the training statistics and fit a small MLP with a sigmoid output.
// Customers from the next quarter's export are the held-out set.
const N_TRAIN = 2000;
const N_TEST = 800;
const NUM_FEATURES = 7;

function loadCustomers(n) {
  const out = [];
  for (let i = 0; i < n; i++) {
    const tenure = rng.int(1, 72);
    const monthly = rng.uniform(20, 120);
    const supportCalls = rng.int(0, 8);
    const contract = rng.int(0, 3); // 0 month-to-month, 1 one year, 2 two year
    const autopay = rng.random() < 0.55 ? 1 : 0;
    const usageTrend = rng.normal(0, 1);
    const paperless = rng.random() < 0.6 ? 1 : 0;
    const risk = -0.3 - 0.05 * (tenure - 36) + 0.03 * (monthly - 70) + 0.5 * (supportCalls - 3.5)
      - 1.2 * contract - 0.6 * autopay - 0.8 * usageTrend + rng.normal(0, 0.5);
    out.push({ tenure, monthly, supportCalls, contract, autopay, usageTrend, paperless, churned: risk > 0 ? 1 : 0 });
  }
  return out;
}

function toTensors(records) {
  const xs = records.map((c) => [c.tenure, c.monthly, c.supportCalls, c.contract, c.autopay, c.usageTrend, c.paperless]);
  const ys = records.map((c) => [c.churned]);
  return { xs: tf.tensor2d(xs, [records.length, NUM_FEATURES]), ys: tf.tensor2d(ys, [records.length, 1]) };
}

const average = (values) => values.reduce((a, b) => a + b, 0) / values.length;

async function main() {
  await tf.setBackend('wasm');

  const customers = loadCustomers(N_TRAIN);
  const nextQuarter = loadCustomers(N_TEST);

  // quick look at the churners: how many, and how long they stayed / how often they called
  const rows = customers.filter((c) => c.churned === 1);
  const churnShare = rows.length / customers.length;
  const churnTenure = average(rows.map((c) => c.tenure));
  const churnCalls = average(rows.map((c) => c.supportCalls));

  const train = toTensors(rows);
  const test = toTensors(nextQuarter);

  const { mean, variance } = tf.moments(train.xs, 0);
  const std = variance.sqrt().add(1e-6);
  const xTrain = train.xs.sub(mean).div(std);
  const xTest = test.xs.sub(mean).div(std);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [NUM_FEATURES] }));
  model.add(tf.layers.dense({ units: 16, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 1, activation: 'sigmoid' }));
  model.compile({ optimizer: tf.train.adam(0.005), loss: 'binaryCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(xTrain, train.ys, { epochs: 20, batchSize: 64, shuffle: true, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testAcc] = model.evaluate(xTest, test.ys).map((t) => t.dataSync()[0]);
  const testChurn = test.ys.mean().dataSync()[0];
  console.log(`churners ${(churnShare * 100).toFixed(1)}% (tenure ${churnTenure.toFixed(1)} mo, ${churnCalls.toFixed(1)} calls) | loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)} (test churn ${testChurn.toFixed(3)})`);
}

main();
