'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(9617);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Next-hour load forecast for a district substation. The meter log is hourly load in MW: a base
// level that drifts with the season, the daily consumption curve, quieter weekends and weather-driven
// deviations that persist for hours. The log is cut into non-overlapping one-day windows (one
// window per day, starting at midnight) and an LSTM reads each day to forecast the load of the
// hour that follows it. The last months of the log, recorded after the training period, are the
// held-out set.
const WINDOW = 24;
const STRIDE = 24;
const TRAIN_DAYS = 320;
const TEST_DAYS = 120;

const EPOCHS = 15;
const BATCH_SIZE = 64;
const LEARNING_RATE = 0.01;

const DAILY = [0.62, 0.58, 0.55, 0.54, 0.56, 0.63, 0.78, 0.92, 1.0, 1.02, 1.03, 1.04,
  1.05, 1.04, 1.02, 1.01, 1.03, 1.1, 1.18, 1.16, 1.06, 0.93, 0.8, 0.7];

function readMeterLog(startDay, days) {
  const load = [];
  let weather = 0;
  for (let h = 0; h < days * 24; h++) {
    const day = startDay + Math.floor(h / 24);
    const hour = h % 24;
    const season = 38 + 9 * Math.cos((2 * Math.PI * day) / 365);
    const weekend = day % 7 >= 5 ? 0.85 : 1;
    weather = 0.97 * weather + rng.normal(0, 1.2);
    load.push(season * DAILY[hour] * weekend + weather + rng.normal(0, 0.5));
  }
  return load;
}

// slices the log into (window, next-hour target) pairs
function makeWindows(series) {
  const inputs = [];
  const targets = [];
  const count = Math.floor((series.length - WINDOW - 1) / STRIDE) + 1;
  for (let i = 0; i < count; i++) {
    inputs.push(series.slice(i * STRIDE, i * STRIDE + WINDOW));
    targets.push(series[i + WINDOW]);
  }
  return { inputs, targets, count };
}

async function main() {
  await tf.setBackend('wasm');

  const trainLog = readMeterLog(0, TRAIN_DAYS);
  const testLog = readMeterLog(TRAIN_DAYS, TEST_DAYS);
  const mean = trainLog.reduce((s, v) => s + v, 0) / trainLog.length;
  const std = Math.sqrt(trainLog.reduce((s, v) => s + (v - mean) ** 2, 0) / trainLog.length);
  const scale = (series) => series.map((v) => (v - mean) / std);

  const train = makeWindows(scale(trainLog));
  const test = makeWindows(scale(testLog));
  const xTrain = tf.tensor3d(train.inputs.map((w) => w.map((v) => [v])), [train.count, WINDOW, 1]);
  const yTrain = tf.tensor2d(train.targets, [train.count, 1]);
  const xTest = tf.tensor3d(test.inputs.map((w) => w.map((v) => [v])), [test.count, WINDOW, 1]);
  const yTest = tf.tensor2d(test.targets, [test.count, 1]);

  const model = tf.sequential();
  model.add(tf.layers.lstm({ units: 16, inputShape: [WINDOW, 1] }));
  model.add(tf.layers.dense({ units: 1 }));
  model.compile({ optimizer: tf.train.adam(LEARNING_RATE), loss: 'meanSquaredError', metrics: ['mae'] });

  const history = await model.fit(xTrain, yTrain, {
    epochs: EPOCHS,
    batchSize: BATCH_SIZE,
    shuffle: true,
    verbose: 0,
  });

  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testMae] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  console.log(`loss ${h.loss[0].toFixed(4)} -> ${h.loss[last].toFixed(4)} mae ${(h.mae[last] * std).toFixed(2)} MW | test loss ${testLoss.toFixed(4)} test mae ${(testMae * std).toFixed(2)} MW`);
}

main();
