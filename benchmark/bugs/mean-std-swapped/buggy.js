'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(5821);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// House price regression for one city. Each listing has latitude, longitude, living area (sqft),
// bedrooms, year built and lot size; the price (in $100k) depends on the size, how close the house
// is to downtown and its age. Features are standardized with the training set's statistics.
const FEATURES = ['latitude', 'longitude', 'sqft', 'bedrooms', 'yearBuilt', 'lotSize'];
const DOWNTOWN = [37.79, -122.4];

function makeListings(n) {
  const rows = [];
  const prices = [];
  for (let i = 0; i < n; i++) {
    const lat = rng.uniform(37.6, 37.9);
    const lon = rng.uniform(-122.55, -122.25);
    const sqft = Math.max(500, rng.normal(1800, 600));
    const bedrooms = Math.min(6, Math.max(1, Math.round(sqft / 600 + rng.normal(0, 0.7))));
    const yearBuilt = rng.int(1900, 2021);
    const lotSize = Math.max(1000, rng.normal(5000, 1500));
    const distKm = Math.hypot((lat - DOWNTOWN[0]) * 111, (lon - DOWNTOWN[1]) * 88);
    const perThousandSqft = 2 + 8 * Math.exp(-distKm / 3);
    const price = (sqft / 1000) * perThousandSqft + 0.02 * (yearBuilt - 1960) + rng.normal(0, 0.3);
    rows.push([lat, lon, sqft, bedrooms, yearBuilt, lotSize]);
    prices.push([price]);
  }
  return { rows, prices };
}

// Per-column mean and standard deviation of a table given as an array of rows.
function columnStats(rows) {
  const d = rows[0].length;
  const mean = new Array(d).fill(0);
  const std = new Array(d).fill(0);
  for (const r of rows) r.forEach((v, j) => { mean[j] += v / rows.length; });
  for (const r of rows) r.forEach((v, j) => { std[j] += (v - mean[j]) ** 2 / rows.length; });
  return [mean, std.map(Math.sqrt)];
}

async function main() {
  await tf.setBackend('wasm');

  const train = makeListings(1200);
  const test = makeListings(400);
  const [sigma, mu] = columnStats(train.rows);
  const scale = (rows) => rows.map((r) => r.map((v, j) => (v - mu[j]) / sigma[j]));

  const xTrain = tf.tensor2d(scale(train.rows), [1200, FEATURES.length]);
  const yTrain = tf.tensor2d(train.prices, [1200, 1]);
  const xTest = tf.tensor2d(scale(test.rows), [400, FEATURES.length]);
  const yTest = tf.tensor2d(test.prices, [400, 1]);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 64, activation: 'relu', inputShape: [FEATURES.length] }));
  model.add(tf.layers.dense({ units: 32, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 1 }));
  model.compile({ optimizer: tf.train.adam(0.005), loss: 'meanSquaredError', metrics: ['mae'] });

  const history = await model.fit(xTrain, yTrain, { epochs: 40, batchSize: 32, shuffle: true, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testMae] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  const r2 = 1 - testLoss / tf.moments(yTest).variance.dataSync()[0];
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} mae ${h.mae[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test mae ${testMae.toFixed(3)} test r2 ${r2.toFixed(3)}`);
}

main();
