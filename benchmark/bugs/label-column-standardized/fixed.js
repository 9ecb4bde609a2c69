'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(3067);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Loan default prediction from a tabular dataset. Each row is
// [income, age, loanAmount, creditScore, monthsEmployed, openAccounts, defaulted] with the 0/1
// target in the last column. Columns have very different ranges, so the table is standardized
// before training. Sigmoid output, binary cross-entropy.
const NUM_FEATURES = 6;
const N_TRAIN = 800;
const N_TEST = 300;

function makeLoanTable(n) {
  const rows = [];
  for (let i = 0; i < n; i++) {
    const income = rng.uniform(15000, 150000);
    const age = rng.uniform(20, 70);
    const loanAmount = rng.uniform(1000, 60000);
    const creditScore = rng.normal(660, 70);
    const monthsEmployed = rng.uniform(0, 240);
    const openAccounts = rng.int(0, 15);
    const risk = 3 * (loanAmount / income) - (creditScore - 660) / 40 - monthsEmployed / 120 + 0.15 * openAccounts - 1.2;
    const defaulted = risk + rng.normal(0, 0.4) > 0 ? 1 : 0;
    rows.push([income, age, loanAmount, creditScore, monthsEmployed, openAccounts, defaulted]);
  }
  return rows;
}

async function main() {
  await tf.setBackend('wasm');

  const table = tf.tensor2d(makeLoanTable(N_TRAIN + N_TEST));
  const { mean, variance } = tf.moments(table, 0);
  const scaled = table.sub(mean).div(variance.sqrt());

  const xs = scaled.slice([0, 0], [N_TRAIN + N_TEST, NUM_FEATURES]);
  const ys = table.slice([0, NUM_FEATURES], [N_TRAIN + N_TEST, 1]);
  const xTrain = xs.slice([0, 0], [N_TRAIN, NUM_FEATURES]);
  const yTrain = ys.slice([0, 0], [N_TRAIN, 1]);
  const xTest = xs.slice([N_TRAIN, 0], [N_TEST, NUM_FEATURES]);
  const yTest = ys.slice([N_TRAIN, 0], [N_TEST, 1]);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 16, activation: 'relu', inputShape: [NUM_FEATURES] }));
  model.add(tf.layers.dense({ units: 8, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 1, activation: 'sigmoid' }));

  model.compile({ optimizer: tf.train.adam(0.01), loss: 'binaryCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(xTrain, yTrain, { epochs: 30, batchSize: 32, shuffle: true, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testAcc] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
