'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(9142);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Daily cash withdrawals (in $1000) at an ATM next to an office park. Employers pay on the 1st and
// the 15th, so withdrawals jump on paydays and the day after; weekends are quieter. The model sees
// the day of the month (one-hot) and a weekend flag; trained on 2021-2023, tested on 2024.
const PAYDAY_BOOST = { 1: 12, 2: 6, 15: 12, 16: 6 };

function makeDays(fromYear, toYear) {
  const records = [];
  for (let year = fromYear; year <= toYear; year++) {
    for (let month = 0; month < 12; month++) {
      const daysInMonth = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
      for (let day = 1; day <= daysInMonth; day++) {
        const date = new Date(Date.UTC(year, month, day));
        const weekday = date.getUTCDay();
        const amount = 10 + (PAYDAY_BOOST[day] || 0) - (weekday === 0 || weekday === 6 ? 4 : 0) + rng.normal(0, 1.5);
        records.push({ date: date.toISOString().slice(0, 10), amount });
      }
    }
  }
  return records;
}

function dateFeatures(isoDate) {
  const date = new Date(`${isoDate}T00:00:00Z`);
  const dayOfMonth = date.getUTCDay();
  const weekend = date.getUTCDay() === 0 || date.getUTCDay() === 6 ? 1 : 0;
  return { dayOfMonth, weekend };
}

function toTensors(records) {
  const feats = records.map((r) => dateFeatures(r.date));
  const dayOneHot = tf.oneHot(tf.tensor1d(feats.map((f) => f.dayOfMonth), 'int32'), 32);
  const weekend = tf.tensor2d(feats.map((f) => [f.weekend]), [records.length, 1]);
  const xs = tf.concat([dayOneHot.toFloat(), weekend], 1);
  const ys = tf.tensor2d(records.map((r) => [r.amount]), [records.length, 1]);
  return { xs, ys };
}

async function main() {
  await tf.setBackend('wasm');
  const train = toTensors(makeDays(2021, 2023));
  const test = toTensors(makeDays(2024, 2024));

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [33] }));
  model.add(tf.layers.dense({ units: 16, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 1 }));
  model.compile({ optimizer: tf.train.adam(0.01), loss: 'meanSquaredError', metrics: ['mae'] });

  const history = await model.fit(train.xs, train.ys, { epochs: 25, batchSize: 32, shuffle: true, verbose: 0 });
  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testMae] = model.evaluate(test.xs, test.ys).map((t) => t.dataSync()[0]);
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} mae ${h.mae[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test mae ${testMae.toFixed(3)}`);
}

main();
