'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(5821);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Food delivery: predict the delivery time in minutes (about 5 to 120) of an order from the
// distance, the number of items, the hour of the day, the traffic level and the courier's
// experience. Features are standardized with the training statistics; the target stays in minutes.
const N_TRAIN = 1200;
const N_TEST = 400;
const EPOCHS = 40;
const BATCH_SIZE = 32;

function makeOrders(n) {
  const xs = [];
  const ys = [];
  for (let i = 0; i < n; i++) {
    const distanceKm = rng.uniform(0.3, 15);
    const items = rng.int(1, 12);
    const hour = rng.uniform(10, 23);
    const traffic = rng.uniform(0, 1);
    const courierYears = rng.uniform(0, 6);
    const rush = Math.exp(-((hour - 13) ** 2) / 2) + Math.exp(-((hour - 19.5) ** 2) / 3);
    const minutes = 6 + 4.2 * distanceKm * (1 + 0.8 * traffic) + 1.1 * items + 12 * rush - 1.5 * courierYears + rng.normal(0, 3);
    xs.push([distanceKm, items, hour, traffic, courierYears]);
    ys.push([Math.min(120, Math.max(5, minutes))]);
  }
  return { xs, ys };
}

function standardize(rows, mean, std) {
  return rows.map((r) => r.map((v, j) => (v - mean[j]) / std[j]));
}

async function main() {
  await tf.setBackend('wasm');

  const train = makeOrders(N_TRAIN);
  const test = makeOrders(N_TEST);
  const nf = train.xs[0].length;
  const mean = Array.from({ length: nf }, (_, j) => train.xs.reduce((s, r) => s + r[j], 0) / N_TRAIN);
  const std = Array.from({ length: nf }, (_, j) => Math.sqrt(train.xs.reduce((s, r) => s + (r[j] - mean[j]) ** 2, 0) / N_TRAIN));

  const xTrain = tf.tensor2d(standardize(train.xs, mean, std));
  const yTrain = tf.tensor2d(train.ys);
  const xTest = tf.tensor2d(standardize(test.xs, mean, std));
  const yTest = tf.tensor2d(test.ys);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [nf] }));
  model.add(tf.layers.dense({ units: 16, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 1 }));
  model.compile({ optimizer: tf.train.adam(0.02), loss: 'meanSquaredError', metrics: ['mae'] });

  const history = await model.fit(xTrain, yTrain, { epochs: EPOCHS, batchSize: BATCH_SIZE, shuffle: true, verbose: 0 });
  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testMae] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  const preds = model.predict(xTest.slice(0, 5)).dataSync();
  console.log(`loss ${h.loss[0].toFixed(1)} -> ${h.loss[last].toFixed(1)} mae ${h.mae[last].toFixed(2)} min | test loss ${testLoss.toFixed(1)} test mae ${testMae.toFixed(2)} min | first predictions ${Array.from(preds, (p) => p.toFixed(1)).join(' ')}`);
}

main();
