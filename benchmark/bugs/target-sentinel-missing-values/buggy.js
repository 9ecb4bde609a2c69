'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(7719);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// House price regression (price in thousands) from 6 attributes of the house: living area (m2),
// rooms, age (years), distance to the city centre (km), lot size (m2) and a condition grade
// (1-10). The rows come from an agency's sales register; listings that were withdrawn before a
// sale have no sale price. Features and target are standardized with the training statistics and
// a small MLP is trained with model.fit; errors are reported in thousands.
const NO_SALE = 99999;
const N_FEATURES = 6;
const N_TRAIN = 1200;
const N_TEST = 400;
const EPOCHS = 40;
const BATCH_SIZE = 32;

// Simulated export of the sales register.
function loadSales(n) {
  const rows = [];
  for (let i = 0; i < n; i++) {
    const area = Math.max(35, rng.normal(120, 40));
    const rooms = Math.max(1, Math.round(area / 30 + rng.normal(0, 0.8)));
    const age = rng.uniform(0, 80);
    const distance = rng.uniform(0.5, 25);
    const lot = Math.max(0, rng.normal(400, 250));
    const grade = rng.int(1, 11);
    const perM2 = 4.2 * Math.exp(-distance / 15) * (0.75 + 0.05 * grade) * (1 - age / 250);
    const price = area * perM2 + 0.08 * lot + 8 * rooms + rng.normal(0, 15);
    const sold = rng.random() > 0.05;
    rows.push({ features: [area, rooms, age, distance, lot, grade], price: sold ? price : NO_SALE });
  }
  return rows;
}

function withKnownPrice(rows) {
  return rows.filter((r) => r.price !== null && r.price !== undefined);
}

function stats(values) {
  const mean = values.reduce((a, v) => a + v, 0) / values.length;
  const std = Math.sqrt(values.reduce((a, v) => a + (v - mean) * (v - mean), 0) / values.length);
  return { mean, std };
}

async function main() {
  await tf.setBackend('wasm');

  const train = withKnownPrice(loadSales(N_TRAIN));
  const test = withKnownPrice(loadSales(N_TEST));

  const featStats = Array.from({ length: N_FEATURES }, (_, j) => stats(train.map((r) => r.features[j])));
  const priceStats = stats(train.map((r) => r.price));
  const scaleX = (rows) => rows.map((r) => r.features.map((v, j) => (v - featStats[j].mean) / featStats[j].std));
  const scaleY = (rows) => rows.map((r) => [(r.price - priceStats.mean) / priceStats.std]);

  const xTrain = tf.tensor2d(scaleX(train), [train.length, N_FEATURES]);
  const yTrain = tf.tensor2d(scaleY(train), [train.length, 1]);
  const xTest = tf.tensor2d(scaleX(test), [test.length, N_FEATURES]);
  const yTest = tf.tensor2d(scaleY(test), [test.length, 1]);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 64, activation: 'relu', inputShape: [N_FEATURES] }));
  model.add(tf.layers.dense({ units: 32, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 1 }));
  model.compile({ optimizer: tf.train.adam(0.003), loss: 'meanSquaredError', metrics: ['mae'] });

  const history = await model.fit(xTrain, yTrain, { epochs: EPOCHS, batchSize: BATCH_SIZE, shuffle: true, verbose: 0 });
  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testMae] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  const toK = priceStats.std;
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} mae ${(h.mae[last] * toK).toFixed(1)}k | test loss ${testLoss.toFixed(3)} test mae ${(testMae * toK).toFixed(1)}k`);
}

main();
