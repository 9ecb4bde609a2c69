'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(7314);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// House-price regression from listing records (one object per house, as loaded from a CSV/JSON
// export). The numeric columns are standardized with the training set's mean and standard
// deviation, the price is predicted in units of $100k by a small MLP.
const FEATURES = ['sqft', 'bedrooms', 'age', 'distanceKm', 'lotAcres'];
const N_TRAIN = 800;
const N_TEST = 300;

function makeListings(n) {
  const rows = [];
  for (let i = 0; i < n; i++) {
    const bedrooms = rng.int(1, 6);
    const sqft = Math.round(500 + 420 * bedrooms + rng.normal(0, 250));
    const age = rng.int(0, 80);
    const distanceKm = Math.round(rng.uniform(0.5, 40) * 10) / 10;
    const lotAcres = Math.round(rng.uniform(0.05, 1.5) * 100) / 100;
    const price = 60000 + 140 * sqft + 15000 * bedrooms - 1200 * age - 90000 * Math.log(distanceKm) / Math.log(40) + 80000 * Math.sqrt(lotAcres) + rng.normal(0, 15000);
    rows.push({ sqft, bedrooms, age, distanceKm, lotAcres, price });
  }
  return rows;
}

function columnStats(rows, col) {
  const mean = rows.reduce((s, r) => s + r[col]) / rows.length;
  const sq = rows.map((r) => (r[col] - mean) ** 2);
  const std = Math.sqrt(sq.reduce((a, b) => a + b) / rows.length);
  return { mean, std };
}

function toMatrix(rows, stats) {
  return rows.map((r) => FEATURES.map((col) => (r[col] - stats[col].mean) / stats[col].std));
}

async function main() {
  await tf.setBackend('wasm');
  const trainRows = makeListings(N_TRAIN);
  const testRows = makeListings(N_TEST);

  const stats = {};
  for (const col of FEATURES) stats[col] = columnStats(trainRows, col);

  const xTrain = tf.tensor2d(toMatrix(trainRows, stats), [N_TRAIN, FEATURES.length]);
  const yTrain = tf.tensor2d(trainRows.map((r) => [r.price / 100000]), [N_TRAIN, 1]);
  const xTest = tf.tensor2d(toMatrix(testRows, stats), [N_TEST, FEATURES.length]);
  const yTest = tf.tensor2d(testRows.map((r) => [r.price / 100000]), [N_TEST, 1]);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [FEATURES.length] }));
  model.add(tf.layers.dense({ units: 16, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 1 }));
  model.compile({ optimizer: tf.train.adam(0.01), loss: 'meanSquaredError', metrics: ['mae'] });

  const history = await model.fit(xTrain, yTrain, { epochs: 40, batchSize: 32, shuffle: true, verbose: 0 });
  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testMae] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  console.log(`loss ${h.loss[0].toFixed(4)} -> ${h.loss[last].toFixed(4)} mae ${h.mae[last].toFixed(4)} | test loss ${testLoss.toFixed(4)} test mae ${testMae.toFixed(4)} (price in $100k)`);
}

main();
