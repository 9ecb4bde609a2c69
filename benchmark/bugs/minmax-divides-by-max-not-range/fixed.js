'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(2719);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Predict a station's daily ozone reading (in tens of ppb) from the raw weather log:
// year, barometric pressure (hPa), mean temperature (K), relative humidity (%), wind speed (m/s).
// Features are min-max scaled with statistics from the training rows, then a small MLP regressor.
const N_TRAIN = 1000;
const N_TEST = 400;
const COLUMNS = ['year', 'pressure', 'temperature', 'humidity', 'wind'];

function makeLog(n) {
  const rows = [];
  const targets = [];
  for (let i = 0; i < n; i++) {
    const year = rng.int(1990, 2021);
    const pressure = rng.uniform(980, 1040);
    const temperature = rng.uniform(265, 305);
    const humidity = rng.uniform(20, 100);
    const wind = rng.uniform(0, 15);
    const trend = (2020 - year) / 30;
    const heat = (temperature - 265) / 40;
    const calm = (pressure - 980) / 60;
    const ozone = 1 + 3 * trend + 2 * calm + 1.2 * calm * heat + 0.8 * heat - 0.8 * (wind / 15) - 0.5 * (humidity / 100) + rng.normal(0, 0.15);
    rows.push([year, pressure, temperature, humidity, wind]);
    targets.push([ozone]);
  }
  return { rows, targets };
}

async function main() {
  await tf.setBackend('wasm');
  const train = makeLog(N_TRAIN);
  const test = makeLog(N_TEST);

  const mins = COLUMNS.map((_, j) => Math.min(...train.rows.map((r) => r[j])));
  const maxs = COLUMNS.map((_, j) => Math.max(...train.rows.map((r) => r[j])));
  const scaleRow = (row) => row.map((v, j) => (v - mins[j]) / (maxs[j] - mins[j]));

  const xTrain = tf.tensor2d(train.rows.map(scaleRow));
  const yTrain = tf.tensor2d(train.targets);
  const xTest = tf.tensor2d(test.rows.map(scaleRow));
  const yTest = tf.tensor2d(test.targets);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [COLUMNS.length] }));
  model.add(tf.layers.dense({ units: 32, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 1 }));
  model.compile({ optimizer: tf.train.adam(0.01), loss: 'meanSquaredError', metrics: ['mae'] });

  const history = await model.fit(xTrain, yTrain, { epochs: 40, batchSize: 32, shuffle: true, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const [testMse, testMae] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  const r2 = 1 - testMse / tf.moments(yTest).variance.dataSync()[0];
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} mae ${h.mae[last].toFixed(3)} | test mse ${testMse.toFixed(3)} test mae ${testMae.toFixed(3)} test r2 ${r2.toFixed(3)}`);
}

main();
