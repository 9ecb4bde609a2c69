'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(9663);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Weekly revenue (k$) of online ad campaigns, predicted from the campaign report that the ads
// dashboard exports as CSV:
// campaign,channel,weekly_budget,impressions,ctr,conversion_rate,bounce_rate,revenue
// The rate columns are exported the way the dashboard shows them. Rows are parsed by header name,
// the numeric columns are standardized with the training statistics and a small MLP is fitted.
// Last quarter's export is the held-out set.
const CHANNELS = ['search', 'social', 'display', 'video'];
const NUMERIC_COLUMNS = ['weekly_budget', 'impressions', 'ctr', 'conversion_rate', 'bounce_rate'];
const NUM_FEATURES = NUMERIC_COLUMNS.length + CHANNELS.length;
const N_TRAIN = 1500;
const N_TEST = 500;

function exportReport(n) {
  const lines = ['campaign,channel,weekly_budget,impressions,ctr,conversion_rate,bounce_rate,revenue'];
  for (let i = 0; i < n; i++) {
    const c = rng.int(0, CHANNELS.length);
    const budget = rng.uniform(0.5, 20); // k$
    const impressions = Math.round(budget * rng.uniform(8000, 14000) * [0.6, 1.3, 2.0, 0.9][c]);
    const ctr = Math.max(0.001, rng.normal([0.035, 0.012, 0.004, 0.008][c], 0.003));
    const conversion = Math.max(0.002, rng.normal(0.05, 0.015));
    const bounce = Math.min(0.9, Math.max(0.2, rng.normal(0.5, 0.12)));
    const clicks = impressions * ctr;
    const revenue = (clicks * conversion * (1 - 0.6 * (bounce - 0.5)) * 0.12) * rng.uniform(0.9, 1.1);
    lines.push([
      `cmp-${1000 + i}`,
      CHANNELS[c],
      budget.toFixed(2),
      impressions,
      `${(100 * ctr).toFixed(2)}%`,
      `${(100 * conversion).toFixed(2)}%`,
      `${(100 * bounce).toFixed(1)}%`,
      revenue.toFixed(3),
    ].join(','));
  }
  return lines.join('\n') + '\n';
}

function parseCsv(text) {
  const lines = text.split(/\r?\n/).filter((line) => line.length > 0);
  const keys = lines[0].split(',');
  return lines.slice(1).map((line) => {
    const cells = line.split(',');
    const row = {};
    keys.forEach((key, j) => {
      row[key] = cells[j];
    });
    return row;
  });
}

const parseNumber = (cell) => Number(cell);

function toExamples(rows) {
  const xs = rows.map((row) => [
    ...NUMERIC_COLUMNS.map((name) => parseNumber(row[name])),
    ...CHANNELS.map((ch) => (row.channel === ch ? 1 : 0)),
  ]);
  const ys = rows.map((row) => [parseNumber(row.revenue)]);
  return { xs, ys };
}

async function main() {
  await tf.setBackend('wasm');

  const train = toExamples(parseCsv(exportReport(N_TRAIN)));
  const test = toExamples(parseCsv(exportReport(N_TEST)));
  const xTrainRaw = tf.tensor2d(train.xs, [N_TRAIN, NUM_FEATURES]);
  const yTrain = tf.tensor2d(train.ys, [N_TRAIN, 1]);
  const xTestRaw = tf.tensor2d(test.xs, [N_TEST, NUM_FEATURES]);
  const yTest = tf.tensor2d(test.ys, [N_TEST, 1]);

  const { mean, variance } = tf.moments(xTrainRaw, 0);
  const std = variance.sqrt().add(1e-6);
  const xTrain = xTrainRaw.sub(mean).div(std);
  const xTest = xTestRaw.sub(mean).div(std);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [NUM_FEATURES] }));
  model.add(tf.layers.dense({ units: 16, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 1 }));
  model.compile({ optimizer: tf.train.adam(0.005), loss: 'meanSquaredError', metrics: ['mae'] });

  const history = await model.fit(xTrain, yTrain, { epochs: 30, batchSize: 32, shuffle: true, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testMae] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  const testR2 = 1 - testLoss / tf.moments(yTest).variance.dataSync()[0];
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} mae ${h.mae[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test mae ${testMae.toFixed(3)} test R2 ${testR2.toFixed(3)}`);
}

main();
