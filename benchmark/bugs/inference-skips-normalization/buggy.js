'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(7734);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Used-car price estimation (price in $1000) from mileage (km), engine displacement (cc),
// horsepower, curb weight (kg) and age (years). The raw features are standardized with the
// training statistics, an MLP regressor is fitted with a validation split, and the model then
// prices a batch of cars from a later month.
const FEATURE_NAMES = ['mileageKm', 'engineCc', 'horsepower', 'weightKg', 'ageYears'];
const NUM_FEATURES = FEATURE_NAMES.length;
const N_TRAIN = 1500;
const N_TEST = 400;

function makeListings(n) {
  const xs = [];
  const ys = [];
  for (let i = 0; i < n; i++) {
    const age = rng.uniform(0, 15);
    const mileage = Math.max(1000, age * rng.uniform(8000, 20000) + rng.normal(0, 5000));
    const engine = rng.uniform(1000, 4000);
    const horsepower = 0.045 * engine + rng.uniform(10, 120);
    const weight = 900 + 0.3 * engine + rng.uniform(0, 500);
    const newPrice = 8 + 0.12 * horsepower + 0.004 * weight;
    const price = newPrice * Math.exp(-0.11 * age - 0.0000015 * mileage) * Math.exp(rng.normal(0, 0.08));
    xs.push([mileage, engine, horsepower, weight, age]);
    ys.push([price]);
  }
  return { xs, ys };
}

async function main() {
  await tf.setBackend('wasm');

  const train = makeListings(N_TRAIN);
  const test = makeListings(N_TEST);
  const xTrainRaw = tf.tensor2d(train.xs, [N_TRAIN, NUM_FEATURES]);
  const { mean, variance } = tf.moments(xTrainRaw, 0);
  const std = variance.sqrt();
  const standardize = (x) => x.sub(mean).div(std);
  const xTrain = standardize(xTrainRaw);
  const yTrain = tf.tensor2d(train.ys, [N_TRAIN, 1]);
  const xTest = tf.tensor2d(test.xs, [N_TEST, NUM_FEATURES]);
  const yTest = tf.tensor2d(test.ys, [N_TEST, 1]);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 64, activation: 'relu', inputShape: [NUM_FEATURES] }));
  model.add(tf.layers.dense({ units: 32, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 1 }));
  model.compile({ optimizer: tf.train.adam(0.01), loss: 'meanSquaredError', metrics: ['mae'] });

  const history = await model.fit(xTrain, yTrain, { epochs: 40, batchSize: 32, shuffle: true, validationSplit: 0.2, verbose: 0 });

  const predicted = model.predict(xTest);
  const testMse = predicted.sub(yTest).square().mean().dataSync()[0];
  const testMae = predicted.sub(yTest).abs().mean().dataSync()[0];
  const h = history.history;
  const last = h.loss.length - 1;
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} mae ${h.mae[last].toFixed(3)} | val loss ${h.val_loss[last].toFixed(3)} val mae ${h.val_mae[last].toFixed(3)} | test mse ${testMse.toFixed(3)} test mae ${testMae.toFixed(3)} (mean price ${yTest.mean().dataSync()[0].toFixed(1)})`);
}

main();
