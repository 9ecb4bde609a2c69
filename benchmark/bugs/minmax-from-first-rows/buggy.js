'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(3907);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Forecast tomorrow's orders from the last 14 days. Daily order counts for a growing shop:
// upward trend, a weekly cycle and noise. Min-max scaling to [0, 1], a small MLP on the window,
// trained on the first 300 days and tested on the following 100.
const DAYS = 400;
const TRAIN_DAYS = 300;
const LOOKBACK = 14;

const growth = rng.uniform(2, 3);
const weekly = rng.uniform(15, 25);
const phase = rng.uniform(0, 2 * Math.PI);
const series = rng.array(DAYS, (t) => 120 + growth * t + weekly * Math.sin((2 * Math.PI * t) / 7 + phase) + rng.normal(0, 6));

function fitMinMax(values) {
  const min = Math.min(...values);
  const max = Math.max(...values);
  return { min, max, scale: (v) => (v - min) / (max - min), unscale: (s) => s * (max - min) + min };
}

function makeWindows(scaled, from, to) {
  const xs = [];
  const ys = [];
  for (let t = from + LOOKBACK; t < to; t++) {
    xs.push(scaled.slice(t - LOOKBACK, t));
    ys.push([scaled[t]]);
  }
  return { xs, ys };
}

async function main() {
  await tf.setBackend('wasm');
  const scaler = fitMinMax(series.slice(0, LOOKBACK));
  const scaled = series.map(scaler.scale);

  const train = makeWindows(scaled, 0, TRAIN_DAYS);
  const test = makeWindows(scaled, TRAIN_DAYS - LOOKBACK, DAYS);
  const xTrain = tf.tensor2d(train.xs, [train.xs.length, LOOKBACK]);
  const yTrain = tf.tensor2d(train.ys, [train.ys.length, 1]);
  const xTest = tf.tensor2d(test.xs, [test.xs.length, LOOKBACK]);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [LOOKBACK] }));
  model.add(tf.layers.dense({ units: 16, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 1 }));
  model.compile({ optimizer: tf.train.momentum(0.05, 0.9), loss: 'meanSquaredError' });

  const history = await model.fit(xTrain, yTrain, { epochs: 200, batchSize: 32, shuffle: true, verbose: 0 });

  const losses = history.history.loss;
  const pred = model.predict(xTest).dataSync();
  let se = 0;
  let naive = 0;
  for (let i = 0; i < pred.length; i++) {
    const actual = scaler.unscale(test.ys[i][0]);
    se += (scaler.unscale(pred[i]) - actual) ** 2;
    naive += (scaler.unscale(test.xs[i][LOOKBACK - 1]) - actual) ** 2;
  }
  const rmse = Math.sqrt(se / pred.length);
  console.log(`loss ${losses[0].toFixed(4)} -> ${losses[losses.length - 1].toFixed(4)} | test RMSE ${rmse.toFixed(1)} orders/day (repeat-last-day RMSE ${Math.sqrt(naive / pred.length).toFixed(1)})`);
}

main();
