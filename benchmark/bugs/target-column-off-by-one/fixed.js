'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(5821);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Regression on a table of standardized house listings: one row per listing with
// [size, rooms, age, distanceToCentre, monthListed, price] (price is the last column).
// The whole table is loaded as one [n, 6] tensor and split into features and target.
const N_TRAIN = 800;
const N_TEST = 200;
const NUM_COLS = 6;
const PRICE = 5;

function makeListings(n) {
  const rows = [];
  for (let i = 0; i < n; i++) {
    const size = rng.normal(0, 1);
    const rooms = 0.6 * size + 0.8 * rng.normal(0, 1);
    const age = rng.normal(0, 1);
    const distance = rng.normal(0, 1);
    const month = rng.normal(0, 1);
    const price = 1.2 * size + 0.4 * rooms - 0.5 * age - 0.8 * Math.tanh(2 * distance) + 0.3 * size * age + rng.normal(0, 0.2);
    rows.push([size, rooms, age, distance, month, price]);
  }
  return rows;
}

function splitColumns(table) {
  const n = table.shape[0];
  const xs = table.slice([0, 0], [n, 5]);
  const ys = table.slice([0, 5], [n, 1]);
  return { xs, ys };
}

async function main() {
  await tf.setBackend('wasm');

  const trainRows = makeListings(N_TRAIN);
  const testRows = makeListings(N_TEST);
  const train = splitColumns(tf.tensor2d(trainRows, [N_TRAIN, NUM_COLS]));
  const test = splitColumns(tf.tensor2d(testRows, [N_TEST, NUM_COLS]));

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [5] }));
  model.add(tf.layers.dense({ units: 16, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 1 }));
  model.compile({ optimizer: tf.train.adam(0.005), loss: 'meanSquaredError' });

  const history = await model.fit(train.xs, train.ys, { epochs: 40, batchSize: 32, shuffle: true, verbose: 0 });
  const losses = history.history.loss;

  // Report held-out error on the listing prices themselves.
  const predicted = Array.from(model.predict(test.xs).dataSync());
  const actual = testRows.map((r) => r[PRICE]);
  const meanPrice = actual.reduce((s, v) => s + v, 0) / N_TEST;
  const sse = actual.reduce((s, v, i) => s + (v - predicted[i]) ** 2, 0);
  const sst = actual.reduce((s, v) => s + (v - meanPrice) ** 2, 0);
  console.log(`loss ${losses[0].toFixed(3)} -> ${losses[losses.length - 1].toFixed(3)} | test price mse ${(sse / N_TEST).toFixed(3)} (predict-mean mse ${(sst / N_TEST).toFixed(3)}) test R2 ${(1 - sse / sst).toFixed(3)}`);
}

main();
