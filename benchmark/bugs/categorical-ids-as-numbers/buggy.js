'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(8461);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// House price regression on a small synthetic listings table: floor area, age and number of
// rooms, plus the id of the city the house is in (200 cities, each with its own price level).
// Numeric columns are standardized with the training mean/std; target is price in $100k.
const NUM_CITIES = 200;
const N_TRAIN = 4000;
const N_TEST = 1000;

const cityLevel = rng.array(NUM_CITIES, () => rng.normal(0, 1));

function makeListings(n) {
  const rows = [];
  for (let i = 0; i < n; i++) {
    const city = rng.int(0, NUM_CITIES);
    const area = rng.normal(120, 35);
    const age = rng.uniform(0, 60);
    const rooms = rng.int(1, 7);
    const price = 3 + 0.8 * (area - 120) / 35 - 0.4 * (age - 30) / 17 + 0.2 * (rooms - 3.5) + cityLevel[city] + rng.normal(0, 0.2);
    rows.push({ city, area, age, rooms, price });
  }
  return rows;
}

function columnStats(rows, key) {
  const mean = rows.reduce((s, r) => s + r[key], 0) / rows.length;
  const std = Math.sqrt(rows.reduce((s, r) => s + (r[key] - mean) ** 2, 0) / rows.length);
  return { mean, std };
}

async function main() {
  await tf.setBackend('wasm');

  const trainRows = makeListings(N_TRAIN);
  const testRows = makeListings(N_TEST);
  const stats = { area: columnStats(trainRows, 'area'), age: columnStats(trainRows, 'age'), rooms: columnStats(trainRows, 'rooms') };
  const z = (r, key) => (r[key] - stats[key].mean) / stats[key].std;
  const toFeatures = (rows) => rows.map((r) => [r.city, z(r, 'area'), z(r, 'age'), z(r, 'rooms')]);
  const NUM_INPUTS = 4;

  const xTrain = tf.tensor2d(toFeatures(trainRows), [N_TRAIN, NUM_INPUTS]);
  const yTrain = tf.tensor2d(trainRows.map((r) => [r.price]), [N_TRAIN, 1]);
  const xTest = tf.tensor2d(toFeatures(testRows), [N_TEST, NUM_INPUTS]);
  const yTest = tf.tensor2d(testRows.map((r) => [r.price]), [N_TEST, 1]);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 64, activation: 'relu', inputShape: [NUM_INPUTS] }));
  model.add(tf.layers.dense({ units: 32, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 1 }));

  model.compile({ optimizer: tf.train.adam(0.005), loss: 'meanSquaredError' });

  const history = await model.fit(xTrain, yTrain, { epochs: 25, batchSize: 64, shuffle: true, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const testLoss = model.evaluate(xTest, yTest).dataSync()[0];
  const targetVar = tf.moments(yTest).variance.dataSync()[0];
  const r2 = 1 - testLoss / targetVar;
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} | test mse ${testLoss.toFixed(3)} test r2 ${r2.toFixed(3)}`);
}

main();
