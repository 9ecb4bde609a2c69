'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(7719);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Apartment price (in thousands) from size, rooms, building age and distance to the centre.
// Training rows come from a listings export in which the price cell is left empty when the
// listing was withdrawn before a sale; the held-out set is a separate export of completed sales.
const COLUMNS = ['size_m2', 'rooms', 'age_years', 'distance_km', 'price_k'];
const NUM_FEATURES = 4;
const PRICE_SCALE = 100;

function makeExport(n, withdrawnRate) {
  const lines = [COLUMNS.join(',')];
  for (let i = 0; i < n; i++) {
    const size = rng.uniform(40, 200);
    const rooms = Math.max(1, Math.min(6, Math.round(size / 35 + rng.normal(0, 0.7))));
    const age = rng.uniform(0, 50);
    const distance = rng.uniform(1, 20);
    const price = 100 + 1.3 * size + 6 * rooms - 0.5 * age - 3 * distance + rng.normal(0, 10);
    const priceCell = rng.random() < withdrawnRate ? '' : price.toFixed(1);
    lines.push([size.toFixed(1), rooms, age.toFixed(0), distance.toFixed(2), priceCell].join(','));
  }
  return lines.join('\n');
}

function parseExport(text) {
  const xs = [];
  const ys = [];
  for (const line of text.trim().split('\n').slice(1)) {
    const cells = line.split(',');
    const price = parseFloat(cells[NUM_FEATURES]);
    if (Number.isNaN(price)) continue;
    xs.push(cells.slice(0, NUM_FEATURES).map(Number));
    ys.push([price / PRICE_SCALE]);
  }
  return { xs, ys };
}

async function main() {
  await tf.setBackend('wasm');

  const train = parseExport(makeExport(1000, 0.2));
  const test = parseExport(makeExport(300, 0));
  const xTrainRaw = tf.tensor2d(train.xs, [train.xs.length, NUM_FEATURES]);
  const { mean, variance } = tf.moments(xTrainRaw, 0);
  const std = variance.sqrt();
  const xTrain = xTrainRaw.sub(mean).div(std);
  const yTrain = tf.tensor2d(train.ys, [train.ys.length, 1]);
  const xTest = tf.tensor2d(test.xs, [test.xs.length, NUM_FEATURES]).sub(mean).div(std);
  const yTest = tf.tensor2d(test.ys, [test.ys.length, 1]);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [NUM_FEATURES] }));
  model.add(tf.layers.dense({ units: 16, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 1 }));
  model.compile({ optimizer: tf.train.adam(0.01), loss: 'meanSquaredError', metrics: ['mae'] });

  const history = await model.fit(xTrain, yTrain, { epochs: 40, batchSize: 32, shuffle: true, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testMae] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  console.log(`${train.ys.length} training rows | loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} mae ${(h.mae[last] * PRICE_SCALE).toFixed(1)}k | test loss ${testLoss.toFixed(3)} test mae ${(testMae * PRICE_SCALE).toFixed(1)}k`);
}

main();
