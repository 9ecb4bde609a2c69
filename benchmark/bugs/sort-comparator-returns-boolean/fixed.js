'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(5812);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Greenhouse climate logger: hourly air temperature and relative humidity over ~5 weeks. Forecast
// next hour's temperature from the previous 12 hours of both readings with a small GRU. The logger's
// database export returns the rows in no particular order, so they are sorted by timestamp first;
// the first 700 hours are for training, the remaining hours are the test period.
const WINDOW = 12;
const HOURS = 860;
const N_TRAIN_HOURS = 700;
const START = Date.UTC(2024, 3, 1);
const HOUR_MS = 3600 * 1000;

function exportRows() {
  const phase = rng.uniform(0, 2 * Math.PI);
  const rows = [];
  let drift = 0;
  for (let h = 0; h < HOURS; h++) {
    drift = 0.95 * drift + rng.normal(0, 0.4);
    const temp = 21 + 6 * Math.sin((2 * Math.PI * h) / 24 + phase) + drift + rng.normal(0, 0.5);
    const humidity = 70 - 2.5 * (temp - 21) + rng.normal(0, 2);
    rows.push({ t: START + h * HOUR_MS, temp, humidity });
  }
  tf.util.shuffle(rows);
  return rows;
}

function cutWindows(temp, hum, from, to) {
  const xs = [];
  const ys = [];
  for (let s = from; s + WINDOW < to; s++) {
    const window = [];
    for (let k = s; k < s + WINDOW; k++) window.push([temp[k], hum[k]]);
    xs.push(window);
    ys.push([temp[s + WINDOW]]);
  }
  return { xs, ys };
}

const standardize = (values, n) => {
  const mean = values.slice(0, n).reduce((a, b) => a + b, 0) / n;
  const std = Math.sqrt(values.slice(0, n).reduce((a, b) => a + (b - mean) ** 2, 0) / n);
  return values.map((v) => (v - mean) / std);
};

async function main() {
  await tf.setBackend('wasm');

  const records = exportRows();
  records.sort((a, b) => a.t - b.t);
  const temp = standardize(records.map((r) => r.temp), N_TRAIN_HOURS);
  const hum = standardize(records.map((r) => r.humidity), N_TRAIN_HOURS);
  const train = cutWindows(temp, hum, 0, N_TRAIN_HOURS);
  const test = cutWindows(temp, hum, N_TRAIN_HOURS - WINDOW, HOURS);

  const xTrain = tf.tensor3d(train.xs, [train.xs.length, WINDOW, 2]);
  const yTrain = tf.tensor2d(train.ys, [train.ys.length, 1]);
  const xTest = tf.tensor3d(test.xs, [test.xs.length, WINDOW, 2]);
  const yTest = tf.tensor2d(test.ys, [test.ys.length, 1]);

  const model = tf.sequential();
  model.add(tf.layers.gru({ units: 16, inputShape: [WINDOW, 2] }));
  model.add(tf.layers.dense({ units: 1 }));
  model.compile({ optimizer: tf.train.adam(0.01), loss: 'meanSquaredError', metrics: ['mae'] });

  const history = await model.fit(xTrain, yTrain, { epochs: 10, batchSize: 32, shuffle: true, verbose: 0 });
  const h = history.history;
  const last = h.loss.length - 1;
  const [testMse, testMae] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  const baseline = tf.tidy(() => yTest.sub(yTrain.mean()).square().mean().dataSync()[0]);
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} mae ${h.mae[last].toFixed(3)} | test mse ${testMse.toFixed(3)} test mae ${testMae.toFixed(3)} (predict-the-mean mse ${baseline.toFixed(3)})`);
}

main();
