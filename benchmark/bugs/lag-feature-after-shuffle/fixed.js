'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(6271);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Daily demand forecast for a bakery: tomorrow's units sold from yesterday's and last week's sales,
// the day of the week and whether a promotion runs. Demand is persistent (a slowly wandering level)
// with a weekly pattern and promotion spikes. One store's history is the training set, a second
// store with the same dynamics is the test set. Tabular rows -> small MLP regressor.
const TRAIN_DAYS = 1100;
const TEST_DAYS = 400;
const WEEKLY = [0, -4, -3, -2, 2, 9, 7];

function makeSales(days) {
  const sales = [];
  let level = 0;
  for (let t = 0; t < days; t++) {
    level = 0.95 * level + rng.normal(0, 4);
    const promo = rng.random() < 0.15 ? 1 : 0;
    sales.push({ day: t, dow: t % 7, promo, value: 120 + level + WEEKLY[t % 7] + 10 * promo + rng.normal(0, 1.5) });
  }
  return sales;
}

function addLagFeatures(rows) {
  for (let i = 7; i < rows.length; i++) {
    rows[i].lag1 = rows[i - 1].value;
    rows[i].lag7 = rows[i - 7].value;
  }
}

function toFeatures(rows, mean, std) {
  const xs = rows.map((r) => [(r.lag1 - mean) / std, (r.lag7 - mean) / std, r.promo, ...Array.from({ length: 7 }, (_, d) => (r.dow === d ? 1 : 0))]);
  const ys = rows.map((r) => [(r.value - mean) / std]);
  return { xs, ys };
}

async function main() {
  await tf.setBackend('wasm');

  const trainRows = makeSales(TRAIN_DAYS);
  const testRows = makeSales(TEST_DAYS);
  const mean = trainRows.reduce((s, r) => s + r.value, 0) / trainRows.length;
  const std = Math.sqrt(trainRows.reduce((s, r) => s + (r.value - mean) ** 2, 0) / trainRows.length);

  addLagFeatures(trainRows);
  tf.util.shuffle(trainRows); // shuffle the rows so mini-batches are not in date order
  addLagFeatures(testRows);
  const train = toFeatures(trainRows.filter((r) => r.lag7 !== undefined), mean, std);
  const test = toFeatures(testRows.filter((r) => r.lag7 !== undefined), mean, std);

  const xTrain = tf.tensor2d(train.xs);
  const yTrain = tf.tensor2d(train.ys);
  const xTest = tf.tensor2d(test.xs);
  const yTest = tf.tensor2d(test.ys);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [10] }));
  model.add(tf.layers.dense({ units: 16, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 1 }));
  model.compile({ optimizer: tf.train.adam(0.005), loss: 'meanSquaredError', metrics: ['mae'] });

  const history = await model.fit(xTrain, yTrain, { epochs: 25, batchSize: 32, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testMae] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} mae ${h.mae[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test mae ${testMae.toFixed(3)} (${(testMae * std).toFixed(1)} units)`);
}

main();
