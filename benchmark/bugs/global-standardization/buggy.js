'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(5170);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Loan-default style binary classifier on a synthetic table with five columns: yearly income in
// dollars (tens of thousands), and four ratios in 0..1 (debt-to-income, credit utilisation, share
// of late payments, account age as a fraction of 30 years). Default risk is driven by the ratios.
const N_TRAIN = 1200;
const N_TEST = 300;
const F = 5;

function makeRows(n) {
  const x = [];
  const y = [];
  for (let i = 0; i < n; i++) {
    const income = Math.max(12000, rng.normal(52000, 18000));
    const debtRatio = rng.uniform(0, 1);
    const utilisation = rng.uniform(0, 1);
    const lateShare = rng.uniform(0, 1);
    const accountAge = rng.uniform(0, 1);
    const risk = 3 * debtRatio + 2 * utilisation * lateShare + 2 * lateShare - 2.5 * accountAge - 2.2;
    x.push([income, debtRatio, utilisation, lateShare, accountAge]);
    y.push(risk > 0 ? 1 : 0);
  }
  return { x, y };
}

async function main() {
  await tf.setBackend('wasm');
  const train = makeRows(N_TRAIN);
  const test = makeRows(N_TEST);
  const xTrainRaw = tf.tensor2d(train.x, [N_TRAIN, F]);
  const xTestRaw = tf.tensor2d(test.x, [N_TEST, F]);
  const yTrain = tf.tensor2d(train.y, [N_TRAIN, 1]);
  const yTest = tf.tensor2d(test.y, [N_TEST, 1]);

  // standardize with the training statistics
  const { mean, variance } = tf.moments(xTrainRaw);
  const std = variance.sqrt();
  const xTrain = xTrainRaw.sub(mean).div(std);
  const xTest = xTestRaw.sub(mean).div(std);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [F] }));
  model.add(tf.layers.dense({ units: 16, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 1, activation: 'sigmoid' }));
  model.compile({ optimizer: tf.train.adam(0.01), loss: 'binaryCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(xTrain, yTrain, { epochs: 20, batchSize: 32, shuffle: true, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testAcc] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  const positives = train.y.reduce((s, v) => s + v, 0) / N_TRAIN;
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)} (positive rate ${positives.toFixed(3)})`);
}

main();
