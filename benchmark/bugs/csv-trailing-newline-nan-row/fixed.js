'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(2718);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// House price regression from a listings file. Each listings file is CSV text with a header row
// area_m2,rooms,age_years,dist_center_km,has_garden,price_k and one listing per line, written
// line by line with a newline after each record. Features are divided by their typical maximum
// from the data dictionary, price is taken in units of 500k, and a small MLP is fitted with mean
// squared error. A second file with later listings is the held-out set.
const N_TRAIN = 1200;
const N_TEST = 400;
const NUM_FEATURES = 5;
const FEATURE_SCALE = [200, 8, 80, 25, 1];
const PRICE_SCALE = 500;

function writeListings(n) {
  let text = 'area_m2,rooms,age_years,dist_center_km,has_garden,price_k\n';
  for (let i = 0; i < n; i++) {
    const area = rng.uniform(35, 220);
    const rooms = Math.max(1, Math.round(area / 30 + rng.normal(0, 0.7)));
    const age = rng.int(0, 80);
    const dist = rng.uniform(0.5, 25);
    const garden = rng.random() < 0.4 ? 1 : 0;
    const price = 2.6 * area + 18 * rooms - 1.1 * age + 300 * Math.exp(-dist / 6) + 35 * garden + rng.normal(0, 15);
    text += `${area.toFixed(1)},${rooms},${age},${dist.toFixed(2)},${garden},${price.toFixed(1)}\n`;
  }
  return text;
}

function parseListings(text) {
  const rows = text.split('\n').slice(1).filter((line) => line.trim()).map((line) => line.split(','));
  const xs = rows.map((cols) => [Number(cols[0]), Number(cols[1]), Number(cols[2]), Number(cols[3]), Number(cols[4])]);
  const ys = rows.map((cols) => [Number(cols[5])]);
  return { xs, ys };
}

async function main() {
  await tf.setBackend('wasm');

  const train = parseListings(writeListings(N_TRAIN));
  const test = parseListings(writeListings(N_TEST));
  const scale = tf.tensor1d(FEATURE_SCALE);
  const xTrain = tf.tensor2d(train.xs).div(scale);
  const yTrain = tf.tensor2d(train.ys).div(PRICE_SCALE);
  const xTest = tf.tensor2d(test.xs).div(scale);
  const yTest = tf.tensor2d(test.ys).div(PRICE_SCALE);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [NUM_FEATURES] }));
  model.add(tf.layers.dense({ units: 32, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 1 }));
  model.compile({ optimizer: tf.train.adam(0.005), loss: 'meanSquaredError', metrics: ['mae'] });

  const history = await model.fit(xTrain, yTrain, { epochs: 30, batchSize: 32, shuffle: true, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testMae] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} mae ${h.mae[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test mae ${testMae.toFixed(3)} (price / 500k)`);
}

main();
