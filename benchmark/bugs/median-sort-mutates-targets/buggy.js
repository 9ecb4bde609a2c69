'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(8830);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// House price regression on a synthetic table: floor area (m2), rooms, age (years), distance to
// the centre (km) and a garden flag. Price is in units of 100k. We compare the network against
// the simple baseline of always predicting the median training price.
const N_TRAIN = 800;
const N_TEST = 200;
const NUM_FEATURES = 5;

function makeHouses(n) {
  const features = [];
  const prices = [];
  for (let i = 0; i < n; i++) {
    const area = rng.uniform(40, 220);
    const rooms = Math.max(1, Math.round(area / 35 + rng.normal(0, 0.7)));
    const age = rng.uniform(0, 80);
    const distance = rng.uniform(0.5, 25);
    const garden = rng.random() < 0.4 ? 1 : 0;
    const price = 0.9 + 0.018 * area + 0.15 * rooms - 0.012 * age + 1.6 * Math.exp(-distance / 6) + 0.35 * garden + rng.normal(0, 0.15);
    features.push([area, rooms, age, distance, garden]);
    prices.push(price);
  }
  return { features, prices };
}

const meanAbs = (values) => values.reduce((s, v) => s + Math.abs(v), 0) / values.length;

async function main() {
  await tf.setBackend('wasm');

  const train = makeHouses(N_TRAIN);
  const test = makeHouses(N_TEST);

  const medianPrice = train.prices.sort((a, b) => a - b)[Math.floor(N_TRAIN / 2)];
  const baselineMae = meanAbs(test.prices.map((p) => p - medianPrice));

  // Standardize the features with the training statistics.
  const xTrainRaw = tf.tensor2d(train.features, [N_TRAIN, NUM_FEATURES]);
  const { mean, variance } = tf.moments(xTrainRaw, 0);
  const std = variance.sqrt();
  const xTrain = xTrainRaw.sub(mean).div(std);
  const xTest = tf.tensor2d(test.features, [N_TEST, NUM_FEATURES]).sub(mean).div(std);
  const yTrain = tf.tensor2d(train.prices, [N_TRAIN, 1]);
  const yTest = tf.tensor2d(test.prices, [N_TEST, 1]);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [NUM_FEATURES] }));
  model.add(tf.layers.dense({ units: 16, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 1 }));
  model.compile({ optimizer: tf.train.adam(0.01), loss: 'meanSquaredError', metrics: ['mae'] });

  const history = await model.fit(xTrain, yTrain, { epochs: 60, batchSize: 32, shuffle: true, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testMae] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} mae ${h.mae[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test mae ${testMae.toFixed(3)} (baseline ${baselineMae.toFixed(3)})`);
}

main();
