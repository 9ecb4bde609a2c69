'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(5583);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Loan-default classifier on a synthetic applicant table. Columns: income (k$), age, debt (k$),
// years employed, number of open accounts, has_bank_account (from the bank's customer export,
// 0 or 1). Features are standardized with the training-set mean and std, then a small MLP with a
// sigmoid output is trained with model.fit on binary cross-entropy.
const N_TRAIN = 1200;
const N_TEST = 400;
const NUM_FEATURES = 6;

function makeApplicants(n) {
  const x = [];
  const y = [];
  for (let i = 0; i < n; i++) {
    const income = Math.max(12, rng.normal(60, 20));
    const age = rng.int(21, 70);
    const debt = Math.max(0, rng.normal(25, 15));
    const years = Math.min(age - 18, Math.max(0, rng.normal(8, 6)));
    const accounts = rng.int(1, 9);
    const hasBankAccount = 1;
    const risk = 2.5 * (debt / income) - 0.08 * years + 0.15 * (accounts - 4) - 0.02 * (age - 45) - 0.4;
    x.push([income, age, debt, years, accounts, hasBankAccount]);
    y.push([risk + rng.normal(0, 0.2) > 0 ? 1 : 0]);
  }
  return { x: tf.tensor2d(x, [n, NUM_FEATURES]), y: tf.tensor2d(y, [n, 1]) };
}

async function main() {
  await tf.setBackend('wasm');
  const train = makeApplicants(N_TRAIN);
  const test = makeApplicants(N_TEST);

  const { mean, variance } = tf.moments(train.x, 0);
  const std = variance.sqrt();
  const standardize = (x) => x.sub(mean).div(std);
  const xTrain = standardize(train.x);
  const xTest = standardize(test.x);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [NUM_FEATURES] }));
  model.add(tf.layers.dense({ units: 16, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 1, activation: 'sigmoid' }));
  model.compile({ optimizer: tf.train.adam(0.005), loss: 'binaryCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(xTrain, train.y, { epochs: 30, batchSize: 32, shuffle: true, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testAcc] = model.evaluate(xTest, test.y).map((t) => t.dataSync()[0]);
  const positives = train.y.mean().dataSync()[0];
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)} (positive rate ${positives.toFixed(2)})`);
}

main();
