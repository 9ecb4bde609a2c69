'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(9157);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Churn model on a synthetic customer table. Each record is
// [tenureMonths, monthlyCharge, supportCalls, loginsPerWeek, latePayments, discountPct].
// Features come from a list of column extractors (so derived columns can be added later) and are
// standardized with the training-set mean and std.
const COLUMNS = ['tenureMonths', 'monthlyCharge', 'supportCalls', 'loginsPerWeek', 'latePayments', 'discountPct'];
const N_TRAIN = 800;
const N_TEST = 300;

function makeCustomers(n) {
  const rows = [];
  const labels = [];
  for (let i = 0; i < n; i++) {
    const tenure = rng.int(1, 73);
    const charge = rng.uniform(20, 120);
    const calls = rng.int(0, 8);
    const logins = rng.uniform(0, 14);
    const late = rng.int(0, 5);
    const discount = rng.int(0, 5) * 5;
    const score = -0.05 * (tenure - 36) + 0.03 * (charge - 70) + 0.6 * (calls - 3.5) - 0.3 * (logins - 7) + 0.7 * (late - 2) - 0.08 * (discount - 10);
    rows.push([tenure, charge, calls, logins, late, discount]);
    labels.push(score + rng.normal(0, 0.5) > 0 ? 1 : 0);
  }
  return { rows, labels };
}

const extractors = [];
for (let j = 0; j < COLUMNS.length; j++) {
  extractors.push((row) => row[j]);
}
const toFeatures = (rows) => rows.map((row) => extractors.map((f) => f(row)));

async function main() {
  await tf.setBackend('wasm');

  const train = makeCustomers(N_TRAIN);
  const test = makeCustomers(N_TEST);
  const xTrainRaw = tf.tensor2d(toFeatures(train.rows), [N_TRAIN, COLUMNS.length]);
  const xTestRaw = tf.tensor2d(toFeatures(test.rows), [N_TEST, COLUMNS.length]);
  const { mean, variance } = tf.moments(xTrainRaw, 0);
  const std = variance.sqrt().add(1e-6);
  const xTrain = xTrainRaw.sub(mean).div(std);
  const xTest = xTestRaw.sub(mean).div(std);
  const yTrain = tf.tensor2d(train.labels, [N_TRAIN, 1]);
  const yTest = tf.tensor2d(test.labels, [N_TEST, 1]);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 16, activation: 'relu', inputShape: [COLUMNS.length] }));
  model.add(tf.layers.dense({ units: 1, activation: 'sigmoid' }));
  model.compile({ optimizer: tf.train.adam(0.01), loss: 'binaryCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(xTrain, yTrain, { epochs: 30, batchSize: 32, shuffle: true, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testAcc] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
