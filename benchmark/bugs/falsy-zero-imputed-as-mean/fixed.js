'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(9535);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Predicts whether a personal-loan applicant defaults within twelve months. Application records
// come from the loan system as JSON; the two credit-bureau counts (prior defaults and late
// payments in the last two years) are null when the bureau lookup timed out, so they are imputed
// with the training mean, kept as a whole number like the counts themselves. Features are
// standardized with the training statistics and fed to a small MLP. Applications from the
// following quarter are held out.
const N_TRAIN = 1500;
const N_TEST = 500;
const NUM_FEATURES = 6;
const EPOCHS = 30;

function poissonLike(rate) {
  let k = 0;
  let p = Math.exp(-rate);
  let s = p;
  const u = rng.random();
  while (u > s && k < 12) {
    k += 1;
    p *= rate / k;
    s += p;
  }
  return k;
}

// stands in for GET /api/applications?status=closed
function fetchApplications(n) {
  const rows = [];
  for (let i = 0; i < n; i++) {
    const age = rng.int(21, 70);
    const annualIncome = Math.round(Math.exp(rng.normal(4.0, 0.4))); // k$
    const loanAmount = Math.round(rng.uniform(2, 40)); // k$
    const openAccounts = rng.int(1, 12);
    const priorDefaults = rng.random() < 0.6 ? 0 : 1 + poissonLike(0.4);
    const latePayments = rng.random() < 0.55 ? 0 : 1 + poissonLike(0.6);
    const logit = -4.2 + 5.5 * (priorDefaults > 0) + 2.5 * (latePayments > 0)
      + 1.5 * (loanAmount / annualIncome - 0.35) - 0.01 * (age - 45) + rng.normal(0, 0.3);
    const defaulted = rng.random() < 1 / (1 + Math.exp(-logit)) ? 1 : 0;
    rows.push({
      age,
      annualIncome,
      loanAmount,
      openAccounts,
      priorDefaults: rng.random() < 0.08 ? null : priorDefaults,
      latePayments: rng.random() < 0.08 ? null : latePayments,
      defaulted,
    });
  }
  return rows;
}

function wholeMean(rows, key) {
  const known = rows.map((r) => r[key]).filter((v) => v !== null && v !== undefined);
  return Math.round(known.reduce((s, v) => s + v, 0) / known.length);
}

function toFeatures(rows, fill) {
  return rows.map((row) => [
    row.age,
    row.annualIncome,
    row.loanAmount / row.annualIncome,
    row.openAccounts,
    row.priorDefaults ?? fill.priorDefaults,
    row.latePayments ?? fill.latePayments,
  ]);
}

async function main() {
  await tf.setBackend('wasm');

  const trainRows = fetchApplications(N_TRAIN);
  const testRows = fetchApplications(N_TEST);
  const fill = { priorDefaults: wholeMean(trainRows, 'priorDefaults'), latePayments: wholeMean(trainRows, 'latePayments') };
  const xTrainRaw = tf.tensor2d(toFeatures(trainRows, fill), [N_TRAIN, NUM_FEATURES]);
  const xTestRaw = tf.tensor2d(toFeatures(testRows, fill), [N_TEST, NUM_FEATURES]);
  const yTrain = tf.tensor2d(trainRows.map((r) => [r.defaulted]), [N_TRAIN, 1]);
  const yTest = tf.tensor2d(testRows.map((r) => [r.defaulted]), [N_TEST, 1]);

  const { mean, variance } = tf.moments(xTrainRaw, 0);
  const std = variance.sqrt().add(1e-6);
  const xTrain = xTrainRaw.sub(mean).div(std);
  const xTest = xTestRaw.sub(mean).div(std);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [NUM_FEATURES] }));
  model.add(tf.layers.dense({ units: 16, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 1, activation: 'sigmoid' }));
  model.compile({ optimizer: tf.train.adam(0.005), loss: 'binaryCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(xTrain, yTrain, { epochs: EPOCHS, batchSize: 32, shuffle: true, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testAcc] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  console.log(`fill ${JSON.stringify(fill)} | loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
