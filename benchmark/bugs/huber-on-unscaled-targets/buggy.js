'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(9580);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// House-price regression from listing features: living area, lot size, bedrooms, bathrooms,
// age of the house, distance to the city centre and a school-district rating. Listings have a
// few badly entered prices, so the model is trained with the Huber loss to keep those outliers
// from dominating. Features are standardized with the training statistics; last quarter's
// sales are the held-out set.
const N_TRAIN = 1000;
const N_TEST = 300;
const NUM_FEATURES = 7;

function listings(n) {
  const features = [];
  const prices = [];
  for (let i = 0; i < n; i++) {
    const area = rng.uniform(60, 260); // m2
    const lot = rng.uniform(150, 1200); // m2
    const bedrooms = rng.int(1, 6);
    const bathrooms = rng.int(1, 4);
    const age = rng.uniform(0, 80); // years
    const distance = rng.uniform(1, 30); // km
    const school = rng.int(1, 11);
    let price = 40000 + 1800 * area + 60 * lot + 9000 * bathrooms + 4000 * bedrooms
      - 1200 * age - 5500 * distance + 12000 * school + rng.normal(0, 20000);
    if (rng.random() < 0.02) price *= rng.uniform(0.3, 3); // data-entry mistakes
    features.push([area, lot, bedrooms, bathrooms, age, distance, school]);
    prices.push([Math.max(price, 50000)]);
  }
  return { features, prices };
}

async function main() {
  await tf.setBackend('wasm');

  const train = listings(N_TRAIN);
  const test = listings(N_TEST);
  const xTrainRaw = tf.tensor2d(train.features, [N_TRAIN, NUM_FEATURES]);
  const xTestRaw = tf.tensor2d(test.features, [N_TEST, NUM_FEATURES]);
  const yTrain = tf.tensor2d(train.prices, [N_TRAIN, 1]);
  const testPrices = tf.tensor2d(test.prices, [N_TEST, 1]);

  const { mean, variance } = tf.moments(xTrainRaw, 0);
  const std = variance.sqrt().add(1e-6);
  const xTrain = xTrainRaw.sub(mean).div(std);
  const xTest = xTestRaw.sub(mean).div(std);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [NUM_FEATURES] }));
  model.add(tf.layers.dense({ units: 16, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 1 }));
  model.compile({
    optimizer: tf.train.sgd(0.01),
    loss: (yTrue, yPred) => tf.losses.huberLoss(yTrue, yPred),
  });

  const history = await model.fit(xTrain, yTrain, { epochs: 40, batchSize: 32, shuffle: true, verbose: 0 });

  const predictedPrices = model.predict(xTest);
  const testMae = tf.metrics.meanAbsoluteError(testPrices, predictedPrices).mean().dataSync()[0];
  const h = history.history;
  const last = h.loss.length - 1;
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} | test MAE $${Math.round(testMae)} (mean price $${Math.round(testPrices.mean().dataSync()[0])})`);
}

main();
