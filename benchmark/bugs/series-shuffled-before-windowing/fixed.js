'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(9173);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Hourly electricity load for one building over ~5 weeks: a daily cycle, a weaker half-day cycle
// and measurement noise. Forecast the next hour from the previous 12 hours with a small LSTM.
// The first 700 hours are for training, the remaining hours are the test period.
const WINDOW = 12;
const HOURS = 860;
const N_TRAIN_HOURS = 700;

function makeLoad() {
  const base = rng.uniform(40, 60);
  const phase = rng.uniform(0, 2 * Math.PI);
  return rng.array(HOURS, (t) => base + 15 * Math.sin((2 * Math.PI * t) / 24 + phase)
    + 5 * Math.sin((2 * Math.PI * t) / 12 + 2 * phase) + rng.normal(0, 2));
}

function windowStarts(series) {
  return Array.from({ length: series.length - WINDOW }, (_, i) => i);
}

function cutWindows(series, starts) {
  const xs = starts.map((s) => series.slice(s, s + WINDOW).map((v) => [v]));
  const ys = starts.map((s) => [series[s + WINDOW]]);
  return { xs, ys };
}

async function main() {
  await tf.setBackend('wasm');

  const load = makeLoad();
  const trainPart = load.slice(0, N_TRAIN_HOURS);
  const mean = trainPart.reduce((a, b) => a + b, 0) / trainPart.length;
  const std = Math.sqrt(trainPart.reduce((a, b) => a + (b - mean) ** 2, 0) / trainPart.length);
  const scaled = load.map((v) => (v - mean) / std);
  const trainSeries = scaled.slice(0, N_TRAIN_HOURS);
  const testSeries = scaled.slice(N_TRAIN_HOURS - WINDOW);

  const trainStarts = windowStarts(trainSeries);
  tf.util.shuffle(trainStarts); // always shuffle the training data
  const train = cutWindows(trainSeries, trainStarts);
  const test = cutWindows(testSeries, windowStarts(testSeries));

  const xTrain = tf.tensor3d(train.xs, [train.xs.length, WINDOW, 1]);
  const yTrain = tf.tensor2d(train.ys, [train.ys.length, 1]);
  const xTest = tf.tensor3d(test.xs, [test.xs.length, WINDOW, 1]);
  const yTest = tf.tensor2d(test.ys, [test.ys.length, 1]);

  const model = tf.sequential();
  model.add(tf.layers.lstm({ units: 16, inputShape: [WINDOW, 1] }));
  model.add(tf.layers.dense({ units: 1 }));
  model.compile({ optimizer: tf.train.adam(0.01), loss: 'meanSquaredError' });

  const history = await model.fit(xTrain, yTrain, { epochs: 10, batchSize: 32, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const testMse = model.evaluate(xTest, yTest).dataSync()[0];
  const baseline = tf.tidy(() => yTest.sub(yTrain.mean()).square().mean().dataSync()[0]);
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} | test mse ${testMse.toFixed(3)} (predict-the-mean mse ${baseline.toFixed(3)})`);
}

main();
