'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(9571);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Loan-default model on applicant records: age, employment status, yearly income, total debt,
// open credit lines and late payments in the last 12 months. The debt-to-income ratio is the
// classic underwriting signal, so it is derived from the record and added as a feature. The
// numeric features are standardized with the training statistics and a small MLP with a sigmoid
// output predicts default within a year. Applicants from a later quarter are the held-out set.
const N_TRAIN = 2000;
const N_TEST = 800;
const STATUSES = ['employed', 'selfEmployed', 'retired', 'student'];
const NUM_FEATURES = 6 + STATUSES.length;

function sigmoid(z) {
  return 1 / (1 + Math.exp(-z));
}

function loadApplicants(n) {
  const applicants = [];
  for (let i = 0; i < n; i++) {
    const u = rng.random();
    const status = u < 0.04 ? 'student' : u < 0.7 ? 'employed' : u < 0.85 ? 'selfEmployed' : 'retired';
    const age = status === 'student' ? rng.int(18, 27) : status === 'retired' ? rng.int(60, 85) : rng.int(22, 65);
    const income = status === 'student' ? 0 : Math.round(Math.exp(rng.normal(status === 'retired' ? 10.3 : 10.9, 0.5)));
    const debt = status === 'student'
      ? (rng.random() < 0.5 ? 0 : Math.round(rng.uniform(2000, 30000)))
      : Math.round(income * Math.exp(rng.normal(-1.0, 0.7)));
    const creditLines = rng.int(0, 9);
    const latePayments = rng.random() < 0.75 ? 0 : rng.int(1, 6);
    const burden = income > 0 ? Math.min(debt / income, 3) : debt / 15000;
    const risk = -4.5 + 5.0 * burden + 0.8 * latePayments - 0.03 * (age - 40) + 0.1 * creditLines;
    const defaulted = rng.random() < sigmoid(risk) ? 1 : 0;
    applicants.push({ age, status, income, debt, creditLines, latePayments, defaulted });
  }
  return applicants;
}

function toFeatures(a) {
  const debtToIncome = a.income > 0 ? Math.min(a.debt / a.income, 5) : 5;
  return [
    a.age,
    Math.log1p(a.income),
    Math.log1p(a.debt),
    debtToIncome,
    a.creditLines,
    a.latePayments,
    ...STATUSES.map((s) => (a.status === s ? 1 : 0)),
  ];
}

function accuracy(model, x, y) {
  return tf.tidy(() => model.predict(x).greater(0.5).cast('float32').equal(y).cast('float32').mean().dataSync()[0]);
}

async function main() {
  await tf.setBackend('wasm');

  const train = loadApplicants(N_TRAIN);
  const test = loadApplicants(N_TEST);
  const xTrainRaw = tf.tensor2d(train.map(toFeatures), [N_TRAIN, NUM_FEATURES]);
  const yTrain = tf.tensor2d(train.map((a) => [a.defaulted]), [N_TRAIN, 1]);
  const xTestRaw = tf.tensor2d(test.map(toFeatures), [N_TEST, NUM_FEATURES]);
  const yTest = tf.tensor2d(test.map((a) => [a.defaulted]), [N_TEST, 1]);

  const { mean, variance } = tf.moments(xTrainRaw, 0);
  const std = variance.sqrt().add(1e-6);
  const xTrain = xTrainRaw.sub(mean).div(std);
  const xTest = xTestRaw.sub(mean).div(std);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [NUM_FEATURES] }));
  model.add(tf.layers.dense({ units: 16, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 1, activation: 'sigmoid' }));
  model.compile({ optimizer: tf.train.adam(0.003), loss: 'binaryCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(xTrain, yTrain, { epochs: 30, batchSize: 32, shuffle: true, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const testLoss = model.evaluate(xTest, yTest)[0].dataSync()[0];
  const defaultRate = yTest.mean().dataSync()[0];
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${accuracy(model, xTest, yTest).toFixed(3)} (default rate ${defaultRate.toFixed(3)})`);
}

main();
