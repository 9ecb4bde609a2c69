'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(3862);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// One-step-ahead forecasting in the style of TensorFlow's time-series tutorial: a synthetic
// "hourly" series (slow trend + a 12-step and a 30-step seasonality + noise) is split in time
// into train / validation / test parts, standardized with the training part's mean and std,
// and cut into windows of the past 24 values labelled with the next value. The windows stream
// through tf.data (shuffled with a seed, batched) into model.fitDataset on an LSTM.
const LENGTH = 1100;
const WINDOW = 24;
const BATCH_SIZE = 32;
const EPOCHS = 8;

function makeSeries(n) {
  const phase1 = rng.uniform(0, 2 * Math.PI);
  const phase2 = rng.uniform(0, 2 * Math.PI);
  const slope = rng.uniform(0.0002, 0.0006);
  const series = new Float32Array(n);
  for (let t = 0; t < n; t++) {
    const trend = 10 + slope * t;
    const daily = 1.5 * Math.sin((2 * Math.PI * t) / 12 + phase1);
    const longer = 0.8 * Math.sin((2 * Math.PI * t) / 30 + phase2);
    series[t] = trend + daily + longer + rng.normal(0, 0.2);
  }
  return series;
}

// {xs: [WINDOW, 1], ys: [1]} samples from every full window of a part of the series.
function makeWindows(part) {
  const samples = [];
  for (let start = 0; start + WINDOW < part.length; start++) {
    const xs = Array.from(part.subarray(start, start + WINDOW), (v) => [v]);
    samples.push({ xs, ys: [part[start + WINDOW]] });
  }
  return samples;
}

async function main() {
  await tf.setBackend('wasm');

  const raw = makeSeries(LENGTH);
  const trainEnd = Math.floor(LENGTH * 0.7);
  const valEnd = Math.floor(LENGTH * 0.8);
  const trainRaw = raw.subarray(0, trainEnd);
  const mean = trainRaw.reduce((s, v) => s + v, 0) / trainRaw.length;
  const std = Math.sqrt(trainRaw.reduce((s, v) => s + (v - mean) ** 2, 0) / trainRaw.length);
  const series = raw.map((v) => (v - mean) / std);

  const trainSamples = makeWindows(series.subarray(0, trainEnd));
  const valSamples = makeWindows(series.subarray(trainEnd, valEnd));
  const testSamples = makeWindows(series.subarray(valEnd));

  const trainDs = tf.data.array(trainSamples).shuffle(trainSamples.length, String(rng.int(0, 1e9))).batch(BATCH_SIZE);
  const valDs = tf.data.array(valSamples).batch(BATCH_SIZE);

  const model = tf.sequential();
  model.add(tf.layers.lstm({ units: 16, inputShape: [WINDOW, 1] }));
  model.add(tf.layers.dense({ units: 1 }));

  model.compile({ optimizer: tf.train.adam(0.01), loss: 'meanSquaredError' });

  const history = await model.fitDataset(trainDs, { epochs: EPOCHS, validationData: valDs, verbose: 0 });

  // Held-out check on the last 20% of the series (later in time than anything trained on),
  // in standardized units, against repeating the last value and predicting the training mean (0).
  const n = testSamples.length;
  const targets = testSamples.map((s) => s.ys[0]);
  const predicted = tf.tidy(() => {
    const xTest = tf.tensor3d(testSamples.map((s) => s.xs), [n, WINDOW, 1]);
    return model.predict(xTest).dataSync();
  });
  const mse = (pred) => targets.reduce((s, y, i) => s + (pred(i) - y) ** 2, 0) / n;
  const testMse = mse((i) => predicted[i]);
  const lastValueMse = mse((i) => testSamples[i].xs[WINDOW - 1][0]);
  const meanMse = mse(() => 0);
  const h = history.history;
  console.log(`loss ${h.loss[0].toFixed(4)} -> ${h.loss[EPOCHS - 1].toFixed(4)}, val_loss ${h.val_loss[EPOCHS - 1].toFixed(4)} | held-out MSE ${testMse.toFixed(4)} vs last-value ${lastValueMse.toFixed(4)} and mean ${meanMse.toFixed(4)} (ratio to last-value ${(testMse / lastValueMse).toFixed(3)})`);
}

main();
