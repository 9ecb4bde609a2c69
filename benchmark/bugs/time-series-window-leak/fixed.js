'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(8164);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Next-step forecaster for a synthetic sensor reading: a slow cycle plus a faster one (random
// periods and phases) and measurement noise. A dense network sees the last WINDOW readings and
// predicts the next one. The first TRAIN_END steps are for training, the rest is the forecast
// period, scored one step ahead against a naive "same as last reading" forecast.
const N = 1200;
const TRAIN_END = 1000;
const WINDOW = 12;

const slowPeriod = rng.uniform(18, 30);
const fastPeriod = rng.uniform(5, 8);
const phase = rng.uniform(0, 2 * Math.PI);
const series = rng.array(N, (t) =>
  Math.sin((2 * Math.PI * t) / slowPeriod) + 0.6 * Math.sin((2 * Math.PI * t) / fastPeriod + phase) + rng.normal(0, 0.1));

function makeWindows(values, from, to) {
  const xs = [];
  const ys = [];
  for (let i = from + WINDOW; i < to; i++) {
    xs.push(values.slice(i - WINDOW, i));
    ys.push([values[i]]);
  }
  return { xs, ys };
}

async function main() {
  await tf.setBackend('wasm');

  const train = makeWindows(series, 0, TRAIN_END);
  const xTrain = tf.tensor2d(train.xs, [train.xs.length, WINDOW]);
  const yTrain = tf.tensor2d(train.ys, [train.ys.length, 1]);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [WINDOW] }));
  model.add(tf.layers.dense({ units: 32, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 1 }));
  model.compile({ optimizer: tf.train.adam(0.005), loss: 'meanSquaredError' });

  const history = await model.fit(xTrain, yTrain, { epochs: 40, batchSize: 32, shuffle: true, verbose: 0 });

  // Forecast period: at each step t the model gets the WINDOW readings before t.
  const inputs = [];
  const actual = [];
  const naive = [];
  for (let t = TRAIN_END; t < N; t++) {
    inputs.push(series.slice(t - WINDOW, t));
    actual.push(series[t]);
    naive.push(series[t - 1]);
  }
  const predicted = model.predict(tf.tensor2d(inputs, [inputs.length, WINDOW])).dataSync();
  const mse = (pred) => actual.reduce((s, a, j) => s + (pred[j] - a) ** 2, 0) / actual.length;

  const h = history.history;
  const last = h.loss.length - 1;
  console.log(`loss ${h.loss[0].toFixed(4)} -> ${h.loss[last].toFixed(4)} | forecast mse ${mse(predicted).toFixed(4)} naive mse ${mse(naive).toFixed(4)}`);
}

main();
