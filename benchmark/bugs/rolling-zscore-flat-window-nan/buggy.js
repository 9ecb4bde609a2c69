'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(9647);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Next-day sales forecast for a small chain of shops from the daily sales export.
// Each day is described by its trailing 7-day window: the window's values z-scored within the
// window (the weekly shape, independent of the shop's size) plus the window's level and spread.
// The target is the next day's sales (in hundreds of units). The first 280 days of every shop
// are used for training, the rest of the year is held out.
const N_SHOPS = 8;
const N_DAYS = 365;
const WINDOW = 7;
const TRAIN_DAYS = 280;
const NUM_FEATURES = WINDOW + 2;

// daily sales per shop: a weekly profile, a slow trend, noise, and the days the shop was closed
function loadDailySales() {
  const shops = [];
  for (let s = 0; s < N_SHOPS; s++) {
    const level = rng.uniform(40, 220);
    const weekly = rng.array(7, (d) => (d >= 5 ? rng.uniform(1.3, 1.8) : rng.uniform(0.6, 1.1)));
    const closedOnSunday = rng.random() < 0.4;
    const trend = rng.uniform(-0.3, 0.5) / N_DAYS;
    const sales = rng.array(N_DAYS, (t) => {
      const dow = t % 7;
      if (closedOnSunday && dow === 6) return 0;
      const expected = level * weekly[dow] * (1 + trend * t);
      return Math.max(0, Math.round(expected * (1 + rng.normal(0, 0.08))));
    });
    // closed for stocktaking / renovation / holidays: zero sales for one to three weeks
    const closures = rng.int(1, 3);
    for (let c = 0; c < closures; c++) {
      const start = rng.int(20, TRAIN_DAYS - 30);
      const length = rng.int(8, 22);
      for (let t = start; t < start + length; t++) sales[t] = 0;
    }
    shops.push(sales);
  }
  return shops;
}

function windowFeatures(window) {
  const mean = window.reduce((a, b) => a + b, 0) / window.length;
  const std = Math.sqrt(window.reduce((a, b) => a + (b - mean) ** 2, 0) / window.length);
  const z = window.map((v) => (v - mean) / std);
  return [...z, mean / 100, std / 100];
}

function makeExamples(shops, fromDay, toDay) {
  const xs = [];
  const ys = [];
  for (const sales of shops) {
    for (let t = Math.max(fromDay, WINDOW - 1); t < toDay - 1; t++) {
      xs.push(windowFeatures(sales.slice(t - WINDOW + 1, t + 1)));
      ys.push([sales[t + 1] / 100]);
    }
  }
  return { xs, ys };
}

async function main() {
  await tf.setBackend('wasm');

  const shops = loadDailySales();
  const train = makeExamples(shops, 0, TRAIN_DAYS);
  const test = makeExamples(shops, TRAIN_DAYS, N_DAYS);
  const xTrain = tf.tensor2d(train.xs, [train.xs.length, NUM_FEATURES]);
  const yTrain = tf.tensor2d(train.ys, [train.ys.length, 1]);
  const xTest = tf.tensor2d(test.xs, [test.xs.length, NUM_FEATURES]);
  const yTest = tf.tensor2d(test.ys, [test.ys.length, 1]);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 64, activation: 'tanh', inputShape: [NUM_FEATURES] }));
  model.add(tf.layers.dense({ units: 32, activation: 'tanh' }));
  model.add(tf.layers.dense({ units: 1 }));
  model.compile({ optimizer: tf.train.adam(0.003), loss: 'meanSquaredError', metrics: ['mae'] });

  const history = await model.fit(xTrain, yTrain, { epochs: 40, batchSize: 64, shuffle: true, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testMae] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  // the trailing 7-day average, as a reference forecast
  const naiveMae = tf.tidy(() => xTest.slice([0, WINDOW], [-1, 1]).sub(yTest).abs().mean().dataSync()[0]);
  console.log(`${train.xs.length} train days: loss ${h.loss[0].toFixed(4)} -> ${h.loss[last].toFixed(4)} mae ${h.mae[last].toFixed(4)} | test loss ${testLoss.toFixed(4)} test mae ${testMae.toFixed(4)} (7-day-average mae ${naiveMae.toFixed(4)})`);
}

main();
