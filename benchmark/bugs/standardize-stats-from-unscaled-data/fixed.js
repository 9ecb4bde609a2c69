'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(9610);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Mortgage default prediction from the application file: annual income, loan amount, appraised
// property value, savings balance and other outstanding debt, all in dollars. Preprocessing:
// profile the raw columns, clip outliers at 4 standard deviations, scale each column to [0, 1]
// with the training min/max, then standardize to zero mean and unit variance. Small MLP with a
// sigmoid output, trained with model.fit; the later applications are the held-out set.
const COLUMNS = ['income', 'loanAmount', 'propertyValue', 'savings', 'otherDebt'];
const NUM_FEATURES = COLUMNS.length;
const N_TRAIN = 1500;
const N_TEST = 600;

function loadApplications(n) {
  const xs = [];
  const ys = [];
  for (let i = 0; i < n; i++) {
    const income = Math.exp(rng.normal(Math.log(75000), 0.45));
    const propertyValue = income * rng.uniform(2.5, 7) + rng.normal(0, 20000);
    const loanAmount = propertyValue * rng.uniform(0.5, 0.98);
    const savings = Math.max(0, income * rng.uniform(0, 1.2) + rng.normal(0, 8000));
    const otherDebt = Math.max(0, income * rng.uniform(0, 0.8) + rng.normal(0, 5000));
    // yearly payment burden relative to income, loan-to-value and the savings cushion drive default
    const burden = (0.07 * loanAmount + 0.15 * otherDebt) / income;
    const ltv = loanAmount / propertyValue;
    const logit = 14 * (burden - 0.32) + 16 * (ltv - 0.8) - 5 * (savings / income - 0.6);
    const defaulted = rng.random() < 1 / (1 + Math.exp(-logit)) ? 1 : 0;
    xs.push([income, loanAmount, propertyValue, savings, otherDebt]);
    ys.push([defaulted]);
  }
  return { xs, ys };
}

async function main() {
  await tf.setBackend('wasm');

  const train = loadApplications(N_TRAIN);
  const test = loadApplications(N_TEST);
  const xTrainRaw = tf.tensor2d(train.xs, [N_TRAIN, NUM_FEATURES]);
  const yTrain = tf.tensor2d(train.ys, [N_TRAIN, 1]);
  const xTestRaw = tf.tensor2d(test.xs, [N_TEST, NUM_FEATURES]);
  const yTest = tf.tensor2d(test.ys, [N_TEST, 1]);

  // column profile of the raw training data, used for the outlier clip
  const rawStats = tf.moments(xTrainRaw, 0);
  const rawStd = rawStats.variance.sqrt();
  const clipLow = rawStats.mean.sub(rawStd.mul(4));
  const clipHigh = rawStats.mean.add(rawStd.mul(4));
  const clip = (x) => tf.minimum(tf.maximum(x, clipLow), clipHigh);

  // scale every column to [0, 1] with the training range
  const colMin = clip(xTrainRaw).min(0);
  const colRange = clip(xTrainRaw).max(0).sub(colMin);
  const xTrainUnit = clip(xTrainRaw).sub(colMin).div(colRange);
  const xTestUnit = clip(xTestRaw).sub(colMin).div(colRange);

  // standardize to zero mean, unit variance
  const { mean, variance } = tf.moments(xTrainUnit, 0);
  const std = variance.sqrt().add(1e-7);
  const xTrain = xTrainUnit.sub(mean).div(std);
  const xTest = xTestUnit.sub(mean).div(std);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [NUM_FEATURES] }));
  model.add(tf.layers.dense({ units: 16, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 1, activation: 'sigmoid' }));
  model.compile({ optimizer: tf.train.adam(0.003), loss: 'binaryCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(xTrain, yTrain, { epochs: 25, batchSize: 32, shuffle: true, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testAcc] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  const defaultRate = yTest.mean().dataSync()[0];
  const majority = Math.max(defaultRate, 1 - defaultRate);
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)} (majority class ${majority.toFixed(3)})`);
}

main();
