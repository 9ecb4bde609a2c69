'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(6127);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Churn prediction for a retail bank: will a customer close their account in the next quarter?
// Each customer record has 7 numeric fields in their raw units (age in years, tenure in months,
// balance in dollars, ...). The fields are standardized with the training set's mean and std and
// fed to a small MLP with a sigmoid output. Customers are split into a training and a test set.
const N_TRAIN = 1500;
const N_TEST = 500;

function makeCustomers(n) {
  const customers = [];
  for (let i = 0; i < n; i++) {
    const age = Math.round(rng.uniform(18, 80));
    const tenure = Math.round(rng.uniform(0, 72));
    const balance = Math.max(0, rng.normal(60000, 40000));
    const products = rng.int(1, 5);
    const creditScore = Math.round(rng.uniform(350, 850));
    const monthlyFees = rng.uniform(5, 40);
    const supportCalls = rng.int(0, 8);
    const risk = -0.2 - 0.06 * tenure + 0.00003 * balance - 0.9 * (balance > 80000 && tenure > 36 ? 1 : 0) + 0.15 * supportCalls - 0.01 * (age - 45) + rng.normal(0, 0.4);
    customers.push({ age, tenure, balance, products, creditScore, monthlyFees, supportCalls, churned: risk > 0 ? 1 : 0 });
  }
  return customers;
}

const featureRow = (c) => [c.age, c.age, c.age, c.products, c.creditScore, c.monthlyFees, c.supportCalls];

async function main() {
  await tf.setBackend('wasm');

  const trainCustomers = makeCustomers(N_TRAIN);
  const testCustomers = makeCustomers(N_TEST);
  const rawTrain = tf.tensor2d(trainCustomers.map(featureRow));
  const rawTest = tf.tensor2d(testCustomers.map(featureRow));
  const { mean, variance } = tf.moments(rawTrain, 0);
  const std = variance.sqrt().add(1e-6);
  const xTrain = rawTrain.sub(mean).div(std);
  const yTrain = tf.tensor2d(trainCustomers.map((c) => [c.churned]));
  const xTest = rawTest.sub(mean).div(std);
  const yTest = tf.tensor2d(testCustomers.map((c) => [c.churned]));

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [xTrain.shape[1]] }));
  model.add(tf.layers.dense({ units: 16, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 1, activation: 'sigmoid' }));
  model.compile({ optimizer: tf.train.adam(0.005), loss: 'binaryCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(xTrain, yTrain, { epochs: 30, batchSize: 32, shuffle: true, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const churnRate = yTest.mean().dataSync()[0];
  const [testLoss, testAcc] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)} (test churn rate ${churnRate.toFixed(3)})`);
}

main();
