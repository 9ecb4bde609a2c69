'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(9695);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Staffing forecast for a power utility's customer-service line: calls per hour from the hour of
// day, a weekday flag, whether an outage is in progress, the temperature and whether bills went
// out in the last two days. The hour is fed as a point on a 24-hour clock so that 23:00 and 00:00
// sit next to each other; the temperature is standardized with the training statistics.
const N_TRAIN = 2000;
const N_TEST = 600;
const NUM_FEATURES = 6;
const CALL_SCALE = 100; // the model predicts hundreds of calls

// smooth bump around a given hour, measured around the clock
function bump(hour, center, width) {
  const d = Math.min(Math.abs(hour - center), 24 - Math.abs(hour - center));
  return Math.exp(-(d * d) / (2 * width * width));
}

function callLog(n) {
  const rows = [];
  for (let i = 0; i < n; i++) {
    const hour = rng.int(0, 24);
    const weekday = rng.random() < 5 / 7 ? 1 : 0;
    const outage = rng.random() < 0.08 ? 1 : 0;
    const temp = rng.normal(18, 9); // deg C
    const billing = rng.random() < 0.15 ? 1 : 0;
    const daytime = weekday
      ? 1.0 * bump(hour, 10, 1.8) + 0.85 * bump(hour, 14.5, 2) + 0.35 * bump(hour, 19.5, 1.5)
      : 0.45 * bump(hour, 12, 3.5);
    const awake = 0.2 + 0.8 * bump(hour, 14, 5);
    const heat = 1 + 0.015 * Math.max(temp - 25, 0) ** 1.5 + 0.01 * Math.max(5 - temp, 0) ** 1.5;
    const calls = 12 + 260 * daytime * heat * (1 + 0.3 * billing) + 180 * outage * awake + rng.normal(0, 10);
    rows.push({ hour, weekday, outage, temp, billing, calls: Math.max(Math.round(calls), 0) });
  }
  return rows;
}

function toFeatures(rows) {
  return rows.map((r) => [
    Math.sin((2 * Math.PI * r.hour) / 24),
    Math.sin((2 * Math.PI * r.hour) / 24),
    r.weekday,
    r.outage,
    r.temp,
    r.billing,
  ]);
}

async function main() {
  await tf.setBackend('wasm');

  const trainRows = callLog(N_TRAIN);
  const testRows = callLog(N_TEST);
  const xTrainRaw = tf.tensor2d(toFeatures(trainRows), [N_TRAIN, NUM_FEATURES]);
  const yTrain = tf.tensor2d(trainRows.map((r) => [r.calls / CALL_SCALE]), [N_TRAIN, 1]);
  const xTestRaw = tf.tensor2d(toFeatures(testRows), [N_TEST, NUM_FEATURES]);
  const yTest = tf.tensor2d(testRows.map((r) => [r.calls / CALL_SCALE]), [N_TEST, 1]);

  // standardize the temperature column only; the clock and the flags are already on a unit scale
  const tempMask = tf.tensor1d([0, 0, 0, 0, 1, 0]);
  const { mean, variance } = tf.moments(xTrainRaw, 0);
  const shift = mean.mul(tempMask);
  const scale = variance.sqrt().sub(1).mul(tempMask).add(1);
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
  const night = testRows.map((_, i) => i).filter((i) => testRows[i].hour >= 1 && testRows[i].hour <= 4);
  const nightPred = model.predict(xTest).dataSync();
  const nightMae = night.reduce((s, i) => s + Math.abs(nightPred[i] * CALL_SCALE - testRows[i].calls), 0) / night.length;
  console.log(`loss ${h.loss[0].toFixed(4)} -> ${h.loss[last].toFixed(4)} mae ${h.mae[last].toFixed(3)} | test loss ${testLoss.toFixed(4)} test mae ${(testMae * CALL_SCALE).toFixed(1)} calls/h, 01-04h mae ${nightMae.toFixed(1)} calls/h`);
}

main();
