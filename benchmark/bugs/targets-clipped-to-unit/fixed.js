'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(9508);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Hourly bike-share rentals at one docking station from the weather and the calendar.
// The station log is a table of rows [temp, humidity, windspeed, hour, workingday, rain, rentals].
// Feature columns are min-max scaled with the training ranges and kept inside [0, 1], since
// later weeks can fall outside the training range; an MLP then regresses the rental count.
// The following weeks of the log are the held-out set, scored in bikes per hour.
const COLUMNS = ['temp', 'humidity', 'windspeed', 'hour', 'workingday', 'rain', 'rentals'];
const TARGET = COLUMNS.length - 1;
const N_TRAIN = 1500;
const N_TEST = 500;

function loadStationLog(n) {
  const rows = [];
  for (let i = 0; i < n; i++) {
    const hour = rng.int(0, 24);
    const workingday = rng.random() < 0.7 ? 1 : 0;
    const temp = rng.uniform(-5, 35);
    const humidity = rng.uniform(20, 100);
    const windspeed = rng.uniform(0, 40);
    const rain = rng.random() < 0.15 ? rng.uniform(0.2, 8) : 0;
    const commute = workingday
      ? 60 + 300 * Math.exp(-((hour - 8) ** 2) / 3) + 350 * Math.exp(-((hour - 17.5) ** 2) / 4)
      : 50 + 250 * Math.exp(-((hour - 14) ** 2) / 12);
    const weather = (0.3 + 0.7 * Math.exp(-((temp - 24) ** 2) / 400)) * (1 - 0.004 * (humidity - 50)) * (1 - 0.006 * windspeed) * Math.exp(-0.35 * rain);
    const rentals = Math.max(0, Math.round(commute * weather + rng.normal(0, 15)));
    rows.push([temp, humidity, windspeed, hour, workingday, rain, rentals]);
  }
  return rows;
}

function fitScaler(rows) {
  const min = [];
  const max = [];
  for (let j = 0; j < TARGET; j++) {
    min.push(Math.min(...rows.map((r) => r[j])));
    max.push(Math.max(...rows.map((r) => r[j])));
  }
  return { min, max };
}

function scaleFeatures(rows, scaler) {
  return rows.map((r) => r.map((v, j) => (j < TARGET ? (v - scaler.min[j]) / (scaler.max[j] - scaler.min[j]) : v)));
}

// keep every scaled value inside [0, 1]
function clipToUnit(rows) {
  return rows.map((r) => r.map((v, j) => (j < TARGET ? Math.min(1, Math.max(0, v)) : v)));
}

const prepare = (rows, scaler) => clipToUnit(scaleFeatures(rows, scaler));

function predictRentals(model, rows, scaler) {
  const xs = tf.tensor2d(prepare(rows, scaler).map((r) => r.slice(0, TARGET)));
  return Array.from(model.predict(xs).dataSync());
}

async function main() {
  await tf.setBackend('wasm');

  const rawTrain = loadStationLog(N_TRAIN);
  const rawTest = loadStationLog(N_TEST);
  const scaler = fitScaler(rawTrain);
  const trainRows = prepare(rawTrain, scaler);
  const xTrain = tf.tensor2d(trainRows.map((r) => r.slice(0, TARGET)));
  const yTrain = tf.tensor2d(trainRows.map((r) => [r[TARGET]]));

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 64, activation: 'relu', inputShape: [TARGET] }));
  model.add(tf.layers.dense({ units: 32, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 1 }));
  model.compile({ optimizer: tf.train.adam(0.01), loss: 'meanSquaredError', metrics: ['mae'] });

  const history = await model.fit(xTrain, yTrain, { epochs: 100, batchSize: 32, shuffle: true, verbose: 0 });

  const predicted = predictRentals(model, rawTest, scaler);
  const actual = rawTest.map((r) => r[TARGET]);
  const testMae = actual.reduce((s, y, i) => s + Math.abs(y - predicted[i]), 0) / actual.length;
  const meanRentals = actual.reduce((s, y) => s + y, 0) / actual.length;
  const h = history.history;
  const last = h.loss.length - 1;
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} mae ${h.mae[last].toFixed(3)} | test mae ${testMae.toFixed(1)} bikes/h (mean rentals ${meanRentals.toFixed(1)})`);
}

main();
