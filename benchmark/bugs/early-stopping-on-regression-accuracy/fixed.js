'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(9533);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// House sale prices (in $100k) from listing features: living area, lot size, bedrooms,
// bathrooms, house age, distance to downtown and garage spaces. Features are standardized with
// the training statistics, an MLP is trained with a validation split and early stopping so it
// does not run longer than needed, and sales from a later quarter are the held-out set.
const N_TRAIN = 1200;
const N_TEST = 400;
const NUM_FEATURES = 7;
const MAX_EPOCHS = 100;

function listSales(n) {
  const xs = [];
  const ys = [];
  for (let i = 0; i < n; i++) {
    const sqft = rng.uniform(700, 4200);
    const lot = rng.uniform(2000, 20000);
    const bedrooms = Math.max(1, Math.round(sqft / 700 + rng.normal(0, 0.7)));
    const bathrooms = Math.max(1, Math.round(bedrooms * 0.6 + rng.normal(0, 0.5)));
    const age = rng.uniform(0, 90);
    const distance = rng.uniform(1, 40);
    const garage = rng.int(0, 4);
    const price = 0.8 + 0.0011 * sqft + 0.00003 * lot + 0.15 * bathrooms + 0.2 * garage
      - 0.012 * age + 2.2 * Math.exp(-distance / 8) + rng.normal(0, 0.15);
    xs.push([sqft, lot, bedrooms, bathrooms, age, distance, garage]);
    ys.push([Math.max(price, 0.5)]);
  }
  return { xs, ys };
}

async function main() {
  await tf.setBackend('wasm');

  const train = listSales(N_TRAIN);
  const test = listSales(N_TEST);
  const xTrainRaw = tf.tensor2d(train.xs, [N_TRAIN, NUM_FEATURES]);
  const yTrain = tf.tensor2d(train.ys, [N_TRAIN, 1]);
  const xTestRaw = tf.tensor2d(test.xs, [N_TEST, NUM_FEATURES]);
  const yTest = tf.tensor2d(test.ys, [N_TEST, 1]);

  const { mean, variance } = tf.moments(xTrainRaw, 0);
  const std = variance.sqrt().add(1e-6);
  const xTrain = xTrainRaw.sub(mean).div(std);
  const xTest = xTestRaw.sub(mean).div(std);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [NUM_FEATURES] }));
  model.add(tf.layers.dense({ units: 16, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 1 }));
  model.compile({ optimizer: tf.train.adam(0.002), loss: 'meanSquaredError', metrics: ['mae'] });

  const earlyStop = tf.callbacks.earlyStopping({ monitor: 'val_loss', patience: 5 });
  const history = await model.fit(xTrain, yTrain, {
    epochs: MAX_EPOCHS,
    batchSize: 32,
    validationSplit: 0.2,
    shuffle: true,
    verbose: 0,
    callbacks: [earlyStop],
  });

  const h = history.history;
  const last = h.loss.length - 1;
  const preds = model.predict(xTest);
  const testMse = tf.losses.meanSquaredError(yTest, preds).dataSync()[0];
  const testMae = tf.metrics.meanAbsoluteError(yTest, preds).mean().dataSync()[0];
  console.log(`epochs ${h.loss.length} loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} val_loss ${h.val_loss[last].toFixed(3)} | test mse ${testMse.toFixed(3)} test mae ${testMae.toFixed(3)}`);
}

main();
