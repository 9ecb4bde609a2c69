'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(2718);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Daily sales forecasting for one store from its sales log: each record is a day with its
// timestamp, the day's average temperature, whether a promotion ran and whether it was a
// weekend. Sales (hundreds of units) grow over the three years, so the date goes in as a
// feature to capture the trend. Random 80/20 split of the days.
const DAY_MS = 24 * 60 * 60 * 1000;
const START = Date.UTC(2021, 0, 1);
const NUM_DAYS = 3 * 365;

function makeSalesLog() {
  const records = [];
  for (let d = 0; d < NUM_DAYS; d++) {
    const timestamp = START + d * DAY_MS;
    const weekday = new Date(timestamp).getUTCDay();
    const weekend = weekday === 0 || weekday === 6 ? 1 : 0;
    const temperature = 12 + 10 * Math.sin((2 * Math.PI * (d - 100)) / 365) + rng.normal(0, 3);
    const promo = rng.random() < 0.2 ? 1 : 0;
    const sales =
      2 + (1.5 * d) / NUM_DAYS + 0.8 * promo + 0.6 * weekend + 0.04 * (temperature - 12) + rng.normal(0, 0.1);
    records.push({ timestamp, temperature, promo, weekend, sales });
  }
  return records;
}

async function main() {
  await tf.setBackend('wasm');

  const records = makeSalesLog();
  const features = records.map((r) => [(r.timestamp - records[0].timestamp) / (365 * DAY_MS), r.temperature / 30, r.promo, r.weekend]);
  const targets = records.map((r) => [r.sales]);

  const order = Array.from(tf.util.createShuffledIndices(records.length));
  const nTrain = Math.floor(0.8 * records.length);
  const pick = (rows, idx) => idx.map((i) => rows[i]);
  const xTrain = tf.tensor2d(pick(features, order.slice(0, nTrain)));
  const yTrain = tf.tensor2d(pick(targets, order.slice(0, nTrain)));
  const xTest = tf.tensor2d(pick(features, order.slice(nTrain)));
  const yTest = tf.tensor2d(pick(targets, order.slice(nTrain)));

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [4] }));
  model.add(tf.layers.dense({ units: 16, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 1 }));
  model.compile({ optimizer: tf.train.adam(0.005), loss: 'meanSquaredError', metrics: ['mae'] });

  const history = await model.fit(xTrain, yTrain, { epochs: 80, batchSize: 32, shuffle: true, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testMae] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  console.log(`loss ${h.loss[0].toPrecision(4)} -> ${h.loss[last].toPrecision(4)} mae ${h.mae[last].toPrecision(4)} | test loss ${testLoss.toPrecision(4)} test mae ${testMae.toPrecision(4)}`);
}

main();
