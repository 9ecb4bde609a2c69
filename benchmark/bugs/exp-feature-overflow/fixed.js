'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(4821);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Churn prediction for a subscription service. Each customer has tenure (months), monthly
// charge ($), page views in the last month and support calls in the last quarter. Page views
// are very heavy-tailed (most customers a few dozen, some several hundred), so they get a log
// transform; the other columns are divided by their typical maximum.
const N_TRAIN = 1200;
const N_TEST = 400;

function makeCustomers(n) {
  const customers = [];
  for (let i = 0; i < n; i++) {
    const tenure = rng.int(1, 73);
    const monthlyCharge = Math.round(rng.uniform(20, 120));
    const pageViews = Math.round(Math.exp(rng.normal(3.4, 1.0)));
    const supportCalls = rng.int(0, 9);
    const score =
      -0.06 * (tenure - 36) + 0.035 * (monthlyCharge - 70) - 1.4 * (Math.log1p(pageViews) - 3.4) +
      0.35 * (supportCalls - 4) + rng.normal(0, 0.4);
    customers.push({ tenure, monthlyCharge, pageViews, supportCalls, churned: score > 0 ? 1 : 0 });
  }
  return customers;
}

function toFeatures(c) {
  return [c.tenure / 72, c.monthlyCharge / 120, Math.log1p(c.pageViews), c.supportCalls / 8];
}

async function main() {
  await tf.setBackend('wasm');

  const train = makeCustomers(N_TRAIN);
  const test = makeCustomers(N_TEST);
  const xTrain = tf.tensor2d(train.map(toFeatures));
  const yTrain = tf.tensor2d(train.map((c) => [c.churned]));
  const xTest = tf.tensor2d(test.map(toFeatures));
  const yTest = tf.tensor2d(test.map((c) => [c.churned]));

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 16, activation: 'relu', inputShape: [4] }));
  model.add(tf.layers.dense({ units: 8, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 1, activation: 'sigmoid' }));
  model.compile({ optimizer: tf.train.adam(0.01), loss: 'binaryCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(xTrain, yTrain, { epochs: 40, batchSize: 32, shuffle: true, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testAcc] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
