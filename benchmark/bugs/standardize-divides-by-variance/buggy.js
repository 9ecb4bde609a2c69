'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(8164);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// House price regression on a synthetic table. Features: living area (sq ft), age (years),
// distance to the city centre (km), lot coverage (fraction of the lot built on) and number of
// bathrooms. Price is in units of $100k. Features are standardized with statistics from the
// training set; small MLP trained with SGD on mean squared error.
const N_TRAIN = 1000;
const N_TEST = 250;

function makeHouses(n) {
  const rows = [];
  const prices = [];
  for (let i = 0; i < n; i++) {
    const area = rng.normal(1800, 100);
    const age = Math.max(0, rng.normal(30, 15));
    const distance = Math.abs(rng.normal(8, 4));
    const coverage = Math.min(0.6, Math.max(0.1, rng.normal(0.3, 0.05)));
    const baths = rng.int(1, 4);
    const price =
      3 +
      0.008 * (area - 1800) -
      0.015 * (age - 30) -
      0.1 * (distance - 8) +
      8 * (coverage - 0.3) +
      0.3 * (baths - 2) +
      0.4 * Math.sin((area - 1800) / 60) +
      rng.normal(0, 0.1);
    rows.push([area, age, distance, coverage, baths]);
    prices.push(price);
  }
  return { rows, prices };
}

async function main() {
  await tf.setBackend('wasm');

  const train = makeHouses(N_TRAIN);
  const test = makeHouses(N_TEST);
  const xTrainRaw = tf.tensor2d(train.rows);
  const xTestRaw = tf.tensor2d(test.rows);
  const yTrain = tf.tensor2d(train.prices, [N_TRAIN, 1]);
  const yTest = tf.tensor2d(test.prices, [N_TEST, 1]);

  const { mean, variance } = tf.moments(xTrainRaw, 0);
  const xTrain = xTrainRaw.sub(mean).div(variance);
  const xTest = xTestRaw.sub(mean).div(variance);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [5] }));
  model.add(tf.layers.dense({ units: 16, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 1 }));
  model.compile({ optimizer: tf.train.sgd(0.02), loss: 'meanSquaredError' });

  const history = await model.fit(xTrain, yTrain, { epochs: 60, batchSize: 32, shuffle: true, verbose: 0 });

  const losses = history.history.loss;
  const testLoss = model.evaluate(xTest, yTest).dataSync()[0];
  const baseline = tf.moments(yTest).variance.dataSync()[0];
  console.log(
    `loss ${losses[0].toFixed(3)} -> ${losses[losses.length - 1].toFixed(3)} | ` +
      `test mse ${testLoss.toFixed(3)} (predict-the-mean mse ${baseline.toFixed(3)})`,
  );
}

main();
