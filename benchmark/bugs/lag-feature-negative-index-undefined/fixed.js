'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(9621);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Next-day demand forecast for one store (units sold per day). Three years of daily sales with
// a slow trend, a weekly cycle (busy weekends), a yearly season and promotion days. Each day is
// described by lagged sales (yesterday, same weekday last week, four weeks ago) and calendar
// features; features and target are standardized with the training statistics and a small MLP
// is fitted with MSE. The last 20% of the days are held out (chronological split).
const N_DAYS = 3 * 365;
const LAGS = [1, 7, 28];
const WEEKLY = [0.85, 0.9, 0.92, 0.95, 1.1, 1.35, 1.25];
const TEST_FRACTION = 0.2;

function simulateSales(days) {
  const sales = [];
  const promo = [];
  let level = 0;
  for (let t = 0; t < days; t++) {
    const onPromo = rng.random() < 0.08 ? 1 : 0;
    level = 0.7 * level + rng.normal(0, 12);
    const season = 1 + 0.25 * Math.sin((2 * Math.PI * (t - 80)) / 365);
    const base = (180 + 0.06 * t) * season * WEEKLY[t % 7];
    sales.push(Math.max(0, Math.round(base * (1 + 0.45 * onPromo) + level + rng.normal(0, 8))));
    promo.push(onPromo);
  }
  return { sales, promo };
}

function makeRows(series, promo) {
  const xs = [];
  const ys = [];
  for (let t = Math.max(...LAGS); t < series.length; t++) {
    const dow = t % 7;
    const doy = t % 365;
    xs.push([
      ...LAGS.map((lag) => series[t - lag]),
      promo[t],
      Math.sin((2 * Math.PI * dow) / 7),
      Math.cos((2 * Math.PI * dow) / 7),
      Math.sin((2 * Math.PI * doy) / 365),
      Math.cos((2 * Math.PI * doy) / 365),
    ]);
    ys.push(series[t]);
  }
  return { xs, ys };
}

function columnStats(rows) {
  const d = rows[0].length;
  const mean = new Array(d).fill(0);
  const std = new Array(d).fill(0);
  for (const row of rows) row.forEach((v, j) => { mean[j] += v / rows.length; });
  for (const row of rows) row.forEach((v, j) => { std[j] += (v - mean[j]) ** 2 / rows.length; });
  return { mean, std: std.map((v) => Math.sqrt(v) + 1e-8) };
}

async function main() {
  await tf.setBackend('wasm');

  const { sales, promo } = simulateSales(N_DAYS);
  const { xs, ys } = makeRows(sales, promo);
  const nTrain = Math.floor(xs.length * (1 - TEST_FRACTION));
  const xTrainRows = xs.slice(0, nTrain);
  const xTestRows = xs.slice(nTrain);
  const yTrainRows = ys.slice(0, nTrain);
  const yTestRows = ys.slice(nTrain);

  const xStats = columnStats(xTrainRows);
  const yMean = yTrainRows.reduce((a, b) => a + b, 0) / nTrain;
  const yStd = Math.sqrt(yTrainRows.reduce((a, b) => a + (b - yMean) ** 2, 0) / nTrain);
  const scaleX = (rows) => rows.map((row) => row.map((v, j) => (v - xStats.mean[j]) / xStats.std[j]));
  const scaleY = (rows) => rows.map((v) => [(v - yMean) / yStd]);

  const numFeatures = xs[0].length;
  const xTrain = tf.tensor2d(scaleX(xTrainRows), [xTrainRows.length, numFeatures]);
  const yTrain = tf.tensor2d(scaleY(yTrainRows), [yTrainRows.length, 1]);
  const xTest = tf.tensor2d(scaleX(xTestRows), [xTestRows.length, numFeatures]);
  const yTest = tf.tensor2d(scaleY(yTestRows), [yTestRows.length, 1]);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [numFeatures] }));
  model.add(tf.layers.dense({ units: 16, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 1 }));
  model.compile({ optimizer: tf.train.adam(0.003), loss: 'meanSquaredError', metrics: ['mae'] });

  const history = await model.fit(xTrain, yTrain, { epochs: 40, batchSize: 32, shuffle: true, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testMae] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  console.log(`days ${xs.length} loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} mae ${h.mae[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test mae ${(testMae * yStd).toFixed(1)} units/day`);
}

main();
