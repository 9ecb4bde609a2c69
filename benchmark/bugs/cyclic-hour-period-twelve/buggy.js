'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(9518);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Hourly bike-share rentals (hundreds of bikes) from the hour of day, a working-day flag and the
// weather. The hour is fed as a point on the clock (sin, cos) so that 23:00 and 00:00 sit next to
// each other; weather columns are standardized with the training statistics.
const N_TRAIN = 2000;
const N_TEST = 600;
const NUM_FEATURES = 6;

// smooth bump around a given hour, measured around the clock
function bump(hour, center, width) {
  const d = Math.min(Math.abs(hour - center), 24 - Math.abs(hour - center));
  return Math.exp(-(d * d) / (2 * width * width));
}

function hourlyLog(n) {
  const rows = [];
  for (let i = 0; i < n; i++) {
    const hour = rng.int(0, 24);
    const workday = rng.random() < 5 / 7 ? 1 : 0;
    const temp = rng.normal(17, 8); // deg C
    const humidity = rng.uniform(25, 100); // %
    const wind = Math.abs(rng.normal(12, 6)); // km/h
    const profile = workday
      ? 0.6 * bump(hour, 13, 4) + 3.2 * bump(hour, 8, 1.2) + 3.6 * bump(hour, 17.5, 1.6)
      : 2.4 * bump(hour, 14, 3.2);
    const weather = Math.exp(-((temp - 24) ** 2) / 300) * (1 - 0.004 * (humidity - 50)) * (1 - 0.01 * wind);
    const rentals = 0.1 + profile * weather + rng.normal(0, 0.08);
    rows.push({ hour, workday, temp, humidity, wind, rentals: Math.max(rentals, 0) });
  }
  return rows;
}

function toFeatures(rows) {
  return rows.map((r) => [
    Math.sin((2 * Math.PI * r.hour) / 12),
    Math.cos((2 * Math.PI * r.hour) / 12),
    r.workday,
    r.temp,
    r.humidity,
    r.wind,
  ]);
}

async function main() {
  await tf.setBackend('wasm');

  const trainRows = hourlyLog(N_TRAIN);
  const testRows = hourlyLog(N_TEST);
  const xTrainRaw = tf.tensor2d(toFeatures(trainRows), [N_TRAIN, NUM_FEATURES]);
  const yTrain = tf.tensor2d(trainRows.map((r) => [r.rentals]), [N_TRAIN, 1]);
  const xTestRaw = tf.tensor2d(toFeatures(testRows), [N_TEST, NUM_FEATURES]);
  const yTest = tf.tensor2d(testRows.map((r) => [r.rentals]), [N_TEST, 1]);

  // standardize the weather columns only; sin/cos and the flag are already on a unit scale
  const weatherMask = tf.tensor1d([0, 0, 0, 1, 1, 1]);
  const { mean, variance } = tf.moments(xTrainRaw, 0);
  const shift = mean.mul(weatherMask);
  const scale = variance.sqrt().sub(1).mul(weatherMask).add(1);
  const xTrain = xTrainRaw.sub(shift).div(scale);
  const xTest = xTestRaw.sub(shift).div(scale);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 64, activation: 'relu', inputShape: [NUM_FEATURES] }));
  model.add(tf.layers.dense({ units: 32, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 1 }));
  model.compile({ optimizer: tf.train.adam(0.005), loss: 'meanSquaredError', metrics: ['mae'] });

  const history = await model.fit(xTrain, yTrain, { epochs: 30, batchSize: 32, shuffle: true, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testMae] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  console.log(`loss ${h.loss[0].toFixed(4)} -> ${h.loss[last].toFixed(4)} mae ${h.mae[last].toFixed(3)} | test loss ${testLoss.toFixed(4)} test mae ${testMae.toFixed(3)}`);
}

main();
