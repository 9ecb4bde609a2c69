'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(50612);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Synthetic Boston housing: the 12 features of the tfjs-examples copy of the data set (CRIM, ZN,
// INDUS, CHAS, NOX, RM, AGE, DIS, RAD, TAX, PTRATIO, LSTAT) in their raw ranges, and the median
// value in $1000s (5..50), driven mostly by rooms, lower-status share and crime.
const NUM_FEATURES = 12;

function makeHouse() {
  const lstat = Math.min(38, Math.max(1.7, rng.normal(12.6, 7)));
  const rm = Math.min(8.8, Math.max(3.5, rng.normal(6.9 - 0.06 * lstat, 0.5)));
  const crim = Math.min(89, Math.exp(rng.normal(-1 + 0.08 * lstat, 1.5)));
  const zn = rng.random() < 0.7 ? 0 : rng.uniform(12.5, 100);
  const indus = Math.min(27.7, Math.max(0.5, rng.normal(4 + 0.5 * lstat, 4)));
  const chas = rng.random() < 0.07 ? 1 : 0;
  const nox = Math.min(0.87, Math.max(0.38, rng.normal(0.4 + 0.012 * indus, 0.05)));
  const age = Math.min(100, Math.max(2.9, rng.normal(35 + 3 * lstat, 15)));
  const dis = Math.min(12.1, Math.max(1.1, rng.normal(9 - 0.06 * age, 1.2)));
  const rad = rng.random() < 0.26 ? 24 : rng.int(1, 9);
  const tax = Math.min(711, Math.max(187, rng.normal(rad === 24 ? 666 : 300 + 5 * indus, 40)));
  const ptratio = Math.min(22, Math.max(12.6, rng.normal(rad === 24 ? 20.2 : 18, 1.6)));
  let price = 22 + 7.5 * (rm - 6.3) + 3.5 * Math.max(0, rm - 7) ** 2 - 0.55 * (lstat - 12.6)
    + 0.02 * (lstat - 12.6) ** 2 - 0.6 * Math.log1p(crim) + 3 * chas - 0.7 * (ptratio - 18.5)
    - 12 * (nox - 0.55) + rng.normal(0, 2.5);
  price = Math.min(50, Math.max(5, price));
  return { features: [crim, zn, indus, chas, nox, rm, age, dis, rad, tax, ptratio, lstat], price };
}

function makeSet(n) {
  const houses = Array.from({ length: n }, makeHouse);
  return { features: houses.map((h) => h.features), target: houses.map((h) => [h.price]) };
}

async function main() {
  await tf.setBackend('wasm');
  const train = makeSet(333);
  const test = makeSet(173);
  const rawTrainFeatures = tf.tensor2d(train.features, [333, NUM_FEATURES]);
  const trainTarget = tf.tensor2d(train.target, [333, 1]);
  const rawTestFeatures = tf.tensor2d(test.features, [173, NUM_FEATURES]);
  const testTarget = tf.tensor2d(test.target, [173, 1]);

  // Normalize with the training set's mean and standard deviation, as in tfjs-examples.
  const { mean: dataMean, variance } = tf.moments(rawTrainFeatures, 0);
  const dataStd = variance.sqrt();
  const trainFeatures = rawTrainFeatures.sub(dataMean).div(dataStd);
  const testFeatures = rawTestFeatures.sub(dataMean).div(dataStd);

  // Baseline: always predict the average training price.
  const avgPrice = trainTarget.mean();
  const baseline = testTarget.sub(avgPrice).square().mean().dataSync()[0];

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 50, activation: 'sigmoid', kernelInitializer: 'leCunNormal', inputShape: [NUM_FEATURES] }));
  model.add(tf.layers.dense({ units: 50, activation: 'sigmoid', kernelInitializer: 'leCunNormal' }));
  model.add(tf.layers.dense({ units: 1 }));

  model.compile({ optimizer: tf.train.sgd(0.01), loss: 'meanSquaredError' });

  const history = await model.fit(trainFeatures, trainTarget, { batchSize: 40, epochs: 200, validationSplit: 0.2, verbose: 0 });

  const losses = history.history.loss;
  const testMse = model.evaluate(testFeatures, testTarget, { batchSize: 40 }).dataSync()[0];
  console.log(`loss ${losses[0].toFixed(2)} -> ${losses[losses.length - 1].toFixed(2)} | val_loss ${history.history.val_loss[losses.length - 1].toFixed(2)} | test MSE ${testMse.toFixed(2)} vs baseline ${baseline.toFixed(2)} after ${losses.length} epochs`);
}

main();
