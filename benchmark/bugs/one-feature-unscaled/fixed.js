'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(9157);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Loan default classifier on applicant records: [age, credit score, debt-to-income ratio,
// years employed, late payments last 2y, annual income in dollars]. Columns are min-max scaled
// using the training set's ranges, then a small sigmoid net is trained with SGD.
const COLUMNS = ['age', 'creditScore', 'debtRatio', 'yearsEmployed', 'latePayments', 'income'];
const NUM_FEATURES = COLUMNS.length;

function makeApplicants(n) {
  const rows = [];
  const labels = [];
  for (let i = 0; i < n; i++) {
    const age = rng.int(21, 70);
    const creditScore = Math.round(rng.uniform(450, 850));
    const debtRatio = rng.uniform(0.05, 0.8);
    const yearsEmployed = Math.min(age - 18, rng.int(0, 30));
    const latePayments = rng.int(0, 6);
    const income = Math.round(Math.exp(rng.normal(Math.log(55000), 0.5)));
    const risk =
      -0.012 * (creditScore - 650) + 4 * (debtRatio - 0.4) + 0.5 * (latePayments - 2.5) -
      0.06 * (yearsEmployed - 8) - 1.6 * Math.log(income / 55000) + rng.normal(0, 0.4);
    rows.push([age, creditScore, debtRatio, yearsEmployed, latePayments, income]);
    labels.push([risk > 0 ? 1 : 0]);
  }
  return { rows, labels };
}

function columnRanges(rows) {
  const mins = new Array(NUM_FEATURES).fill(Infinity);
  const maxs = new Array(NUM_FEATURES).fill(-Infinity);
  for (const r of rows) {
    for (let j = 0; j < NUM_FEATURES; j++) {
      mins[j] = Math.min(mins[j], r[j]);
      maxs[j] = Math.max(maxs[j], r[j]);
    }
  }
  return { mins, maxs };
}

function scale(rows, { mins, maxs }) {
  return rows.map((r) => {
    const out = r.slice();
    for (let j = 0; j < NUM_FEATURES; j++) {
      out[j] = (r[j] - mins[j]) / (maxs[j] - mins[j]);
    }
    return out;
  });
}

async function main() {
  await tf.setBackend('wasm');

  const train = makeApplicants(1500);
  const test = makeApplicants(500);
  const ranges = columnRanges(train.rows);
  const xTrain = tf.tensor2d(scale(train.rows, ranges), [1500, NUM_FEATURES]);
  const yTrain = tf.tensor2d(train.labels, [1500, 1]);
  const xTest = tf.tensor2d(scale(test.rows, ranges), [500, NUM_FEATURES]);
  const yTest = tf.tensor2d(test.labels, [500, 1]);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 16, activation: 'relu', inputShape: [NUM_FEATURES] }));
  model.add(tf.layers.dense({ units: 8, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 1, activation: 'sigmoid' }));

  model.compile({ optimizer: tf.train.sgd(0.1), loss: 'binaryCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(xTrain, yTrain, { epochs: 30, batchSize: 32, shuffle: true, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testAcc] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
