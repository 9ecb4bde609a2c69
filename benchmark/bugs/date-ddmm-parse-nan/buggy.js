'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(5182);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Customer value for an online shop: predict what a customer spends in the next quarter (in
// hundreds of euros) from the back-office export taken on 1 January 2024. Each line holds the
// customer id, the date of their first order, their number of orders in the last 12 months,
// their average basket in euros, whether they get the newsletter and, for the customers we
// train on, what they spent in the following quarter. Long-standing customers spend more per
// order than new ones, so the time since the first order is a feature.
const EXPORT_DATE = new Date(2024, 0, 1);
const DAY_MS = 24 * 60 * 60 * 1000;
const N_FEATURES = 4;
const N_TRAIN = 1000;
const N_TEST = 400;

function makeExport(n) {
  const lines = ['customer_id;first_order;orders_12m;avg_basket_eur;newsletter;next_q_spend_eur'];
  for (let i = 0; i < n; i++) {
    const tenureDays = rng.int(10, 1500);
    const first = new Date(EXPORT_DATE.getTime() - tenureDays * DAY_MS);
    const dd = String(first.getDate()).padStart(2, '0');
    const mm = String(first.getMonth() + 1).padStart(2, '0');
    const orders = rng.int(1, 25);
    const basket = Math.round(rng.uniform(15, 120));
    const newsletter = rng.random() < 0.4 ? 1 : 0;
    const loyalty = 0.5 + 0.5 * (1 - Math.exp(-tenureDays / 250));
    const spend = Math.max(0, (orders / 4) * basket * loyalty * (newsletter ? 1.15 : 1) + rng.normal(0, 10));
    lines.push(`C${100000 + i};${dd}/${mm}/${first.getFullYear()};${orders};${basket};${newsletter};${spend.toFixed(2)}`);
  }
  return lines.join('\n');
}

function parseExport(text) {
  const rows = [];
  const targets = [];
  for (const line of text.split('\n').slice(1)) {
    const cols = line.split(';');
    const firstOrder = new Date(cols[1]);
    const tenureYears = (EXPORT_DATE - firstOrder) / DAY_MS / 365;
    rows.push([tenureYears, Number(cols[2]) / 10, Number(cols[3]) / 100, Number(cols[4])]);
    targets.push(Number(cols[5]) / 100);
  }
  return { rows, targets };
}

async function main() {
  await tf.setBackend('wasm');

  const train = parseExport(makeExport(N_TRAIN));
  const test = parseExport(makeExport(N_TEST));
  const xTrain = tf.tensor2d(train.rows, [N_TRAIN, N_FEATURES]);
  const yTrain = tf.tensor2d(train.targets, [N_TRAIN, 1]);
  const xTest = tf.tensor2d(test.rows, [N_TEST, N_FEATURES]);
  const yTest = tf.tensor2d(test.targets, [N_TEST, 1]);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [N_FEATURES] }));
  model.add(tf.layers.dense({ units: 32, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 1 }));
  model.compile({ optimizer: tf.train.adam(0.005), loss: 'meanSquaredError', metrics: ['mae'] });

  const history = await model.fit(xTrain, yTrain, { epochs: 40, batchSize: 32, shuffle: true, verbose: 0 });
  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testMae] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  const variance = tf.moments(yTest).variance.dataSync()[0];
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} mae ${h.mae[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test mae ${testMae.toFixed(3)} (target variance ${variance.toFixed(3)})`);
}

main();
