'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(5821);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Loan default classifier. Each applicant has an annual income, a loan amount, a credit score,
// an age and the number of months at the current job; an applicant defaults when the loan is
// large relative to income and the credit score is poor. 1200 applicants, the last 300 held out.
const N_TRAIN = 900;
const N_TEST = 300;
const NUM_FEATURES = 5;

function makeApplicants(n) {
  const xs = [];
  const ys = [];
  for (let i = 0; i < n; i++) {
    const income = rng.uniform(20000, 150000);
    const loan = rng.uniform(2000, 60000);
    const score = rng.uniform(350, 850);
    const age = rng.uniform(21, 70);
    const months = rng.uniform(12, 360);
    const risk = 4 * (loan / income) - (score - 600) / 100 - months / 360 + rng.normal(0, 0.2);
    xs.push([income, loan, score, age, months]);
    ys.push([risk > 0.8 ? 1 : 0]);
  }
  return { xs, ys };
}

async function main() {
  await tf.setBackend('wasm');

  const data = makeApplicants(N_TRAIN + N_TEST);
  const raw = tf.tensor2d(data.xs, [N_TRAIN + N_TEST, NUM_FEATURES]);
  // squash every column into (-1, 1) so no feature dominates
  const xAll = tf.tidy(() => tf.tanh(raw));
  const yAll = tf.tensor2d(data.ys, [N_TRAIN + N_TEST, 1]);
  const xTrain = xAll.slice([0, 0], [N_TRAIN, NUM_FEATURES]);
  const yTrain = yAll.slice([0, 0], [N_TRAIN, 1]);
  const xTest = xAll.slice([N_TRAIN, 0], [N_TEST, NUM_FEATURES]);
  const yTest = yAll.slice([N_TRAIN, 0], [N_TEST, 1]);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [NUM_FEATURES] }));
  model.add(tf.layers.dense({ units: 16, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 1, activation: 'sigmoid' }));
  model.compile({ optimizer: tf.train.adam(0.01), loss: 'binaryCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(xTrain, yTrain, { epochs: 30, batchSize: 32, shuffle: true, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const positives = yTrain.mean().dataSync()[0];
  const [testLoss, testAcc] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)} (default rate ${positives.toFixed(3)})`);
}

main();
