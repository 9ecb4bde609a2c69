'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(3706);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Food-delivery time estimate (minutes) from an order's city, route distance (km), number of
// items and hour of day. Each city has its own base time (traffic, courier density), distance
// and basket size add to it, and the lunch/dinner rush slows everything down. The city is
// one-hot encoded through an index of the cities seen in the rows; the numeric columns are
// standardized with the training statistics. Small MLP regressor trained with model.fit.
const CITIES = ['Lyon', 'Lille', 'Nantes', 'Nice', 'Rennes', 'Toulouse', 'Bordeaux', 'Strasbourg'];
const CITY_BASE = [22, 35, 18, 41, 15, 29, 47, 26];
const CITY_WEIGHTS = [3, 2, 1.5, 1, 2.5, 1, 2, 1.5];
const N_TRAIN = 800;
const N_TEST = 300;

function pickCity() {
  const total = CITY_WEIGHTS.reduce((a, b) => a + b, 0);
  let u = rng.uniform(0, total);
  for (let c = 0; c < CITIES.length; c++) {
    u -= CITY_WEIGHTS[c];
    if (u <= 0) return c;
  }
  return CITIES.length - 1;
}

function makeOrders(n) {
  const rows = [];
  const minutes = [];
  for (let i = 0; i < n; i++) {
    const c = pickCity();
    const distance = rng.uniform(0.5, 8);
    const items = rng.int(1, 9);
    const hour = rng.int(10, 23);
    const rush = hour === 12 || hour === 13 || hour === 19 || hour === 20 ? 8 : 0;
    rows.push({ city: CITIES[c], distance, items, hour });
    minutes.push(CITY_BASE[c] + 3 * distance + 1.2 * items + rush + rng.normal(0, 2.5));
  }
  return { rows, minutes };
}

function buildIndex(rows) {
  const index = new Map();
  for (const r of rows) if (!index.has(r.city)) index.set(r.city, index.size);
  return index;
}

function numericStats(rows) {
  const cols = ['distance', 'items', 'hour'];
  return cols.map((k) => {
    const mean = rows.reduce((s, r) => s + r[k], 0) / rows.length;
    const std = Math.sqrt(rows.reduce((s, r) => s + (r[k] - mean) ** 2, 0) / rows.length);
    return { k, mean, std };
  });
}

function encodeRows(rows, cityIndex, stats) {
  return rows.map((r) => {
    const oneHot = new Array(cityIndex.size).fill(0);
    oneHot[cityIndex.get(r.city)] = 1;
    return oneHot.concat(stats.map(({ k, mean, std }) => (r[k] - mean) / std));
  });
}

async function main() {
  await tf.setBackend('wasm');

  const train = makeOrders(N_TRAIN);
  const test = makeOrders(N_TEST);
  const stats = numericStats(train.rows);
  const cityIndex = buildIndex(train.rows);
  const nFeatures = cityIndex.size + stats.length;

  const xTrain = tf.tensor2d(encodeRows(train.rows, cityIndex, stats), [N_TRAIN, nFeatures]);
  const yTrain = tf.tensor2d(train.minutes, [N_TRAIN, 1]);
  const xTest = tf.tensor2d(encodeRows(test.rows, buildIndex(test.rows), stats), [N_TEST, nFeatures]);
  const yTest = tf.tensor2d(test.minutes, [N_TEST, 1]);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [nFeatures] }));
  model.add(tf.layers.dense({ units: 16, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 1 }));
  model.compile({ optimizer: tf.train.adam(0.02), loss: 'meanSquaredError', metrics: ['mae'] });

  const history = await model.fit(xTrain, yTrain, { epochs: 40, batchSize: 32, shuffle: true, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testMae] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  console.log(`loss ${h.loss[0].toFixed(2)} -> ${h.loss[last].toFixed(2)} mae ${h.mae[last].toFixed(2)} min | test loss ${testLoss.toFixed(2)} test mae ${testMae.toFixed(2)} min`);
}

main();
