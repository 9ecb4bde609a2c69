'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(6142);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Loan default prediction from the lender's loan-book export. The export is CSV text with a header:
// income_k,loan_k,years_employed,late_payments,has_mortgage,self_employed,defaulted
// (the two flag columns are written as true/false by the export tool). Every column is parsed to a
// number, the features are standardized with the training statistics and a small MLP with a
// sigmoid output is fitted. A second export from the following quarter is the held-out set.
const N_TRAIN = 1500;
const N_TEST = 500;
const NUM_FEATURES = 6;

function exportLoans(n) {
  const lines = ['income_k,loan_k,years_employed,late_payments,has_mortgage,self_employed,defaulted'];
  for (let i = 0; i < n; i++) {
    const income = rng.uniform(20, 160);
    const loan = rng.uniform(5, 80);
    const years = rng.int(0, 31);
    const late = rng.int(0, 7);
    const mortgage = rng.random() < 0.45;
    const selfEmployed = rng.random() < 0.2;
    const risk = 3 * (loan / income - 0.45) + 0.55 * (late - 2.5) - 0.06 * (years - 12) - 1.0 * mortgage + 1.2 * selfEmployed + rng.normal(0, 0.4);
    const defaulted = risk > 0 ? 1 : 0;
    lines.push(`${income.toFixed(1)},${loan.toFixed(1)},${years},${late},${mortgage},${selfEmployed},${defaulted}`);
  }
  return lines.join('\n');
}

function parseLoans(text) {
  const rows = text.trim().split('\n').slice(1);
  const xs = [];
  const ys = [];
  for (const row of rows) {
    const cols = row.split(',').map((cell) => Number(cell));
    xs.push(cols.slice(0, NUM_FEATURES));
    ys.push([cols[NUM_FEATURES]]);
  }
  return { xs, ys };
}

async function main() {
  await tf.setBackend('wasm');

  const train = parseLoans(exportLoans(N_TRAIN));
  const test = parseLoans(exportLoans(N_TEST));
  const xTrainRaw = tf.tensor2d(train.xs);
  const yTrain = tf.tensor2d(train.ys);
  const xTestRaw = tf.tensor2d(test.xs);
  const yTest = tf.tensor2d(test.ys);

  const { mean, variance } = tf.moments(xTrainRaw, 0);
  const std = variance.sqrt().add(1e-6);
  const xTrain = xTrainRaw.sub(mean).div(std);
  const xTest = xTestRaw.sub(mean).div(std);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [NUM_FEATURES] }));
  model.add(tf.layers.dense({ units: 16, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 1, activation: 'sigmoid' }));
  model.compile({ optimizer: tf.train.adam(0.005), loss: 'binaryCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(xTrain, yTrain, { epochs: 30, batchSize: 32, shuffle: true, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testAcc] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
