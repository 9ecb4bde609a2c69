'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(9568);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Bike-share station demand: number of rentals started in each half-hour slot, from the station
// log (timestamp, temperature, rain flag, rentals). Time of day is encoded cyclically so that
// 23:30 and 00:00 end up next to each other; day type and weather are added as extra inputs.
// The first 120 days train the model, the following 30 days are the held-out period.
const TRAIN_DAYS = 120;
const TEST_DAYS = 30;
const SLOTS_PER_DAY = 48;
const MINUTES_PER_DAY = 1440;
const NUM_FEATURES = 5;

const bump = (h, center, width) => Math.exp(-((h - center) ** 2) / (2 * width * width));

function stationLog(firstDay, nDays) {
  const records = [];
  for (let d = firstDay; d < firstDay + nDays; d++) {
    const date = new Date(Date.UTC(2023, 3, 1) + d * 86400000).toISOString().slice(0, 10);
    const weekend = [0, 6].includes(new Date(`${date}T00:00:00Z`).getUTCDay());
    const dailyTemp = rng.uniform(4, 28);
    const rainyDay = rng.random() < 0.25;
    for (let slot = 0; slot < SLOTS_PER_DAY; slot++) {
      const hours = Math.floor(slot / 2);
      const minutes = (slot % 2) * 30;
      const h = hours + minutes / 60;
      const tempC = dailyTemp + 3 * Math.sin((2 * Math.PI * (h - 9)) / 24) + rng.normal(0, 0.5);
      const rain = rainyDay && rng.random() < 0.5;
      const profile = weekend
        ? 2 + 18 * bump(h, 14, 3)
        : 2 + 26 * bump(h, 8.25, 0.8) + 30 * bump(h, 17.5, 1) + 8 * bump(h, 12.5, 1.5);
      const mean = profile * (1 + 0.03 * (tempC - 15)) * (rain ? 0.5 : 1);
      const rentals = Math.max(0, Math.round(mean + rng.normal(0, 2)));
      records.push({ timestamp: `${date} ${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}`, tempC: tempC.toFixed(1), rain: rain ? 1 : 0, rentals });
    }
  }
  return records;
}

function toExamples(records) {
  const xs = [];
  const ys = [];
  for (const rec of records) {
    const [date, clock] = rec.timestamp.split(' ');
    const [hours, minutes] = clock.split(':').map(Number);
    const minuteOfDay = (hours * 60 + minutes) % 60;
    const angle = (2 * Math.PI * minuteOfDay) / MINUTES_PER_DAY;
    const dow = new Date(`${date}T00:00:00Z`).getUTCDay();
    const weekend = dow === 0 || dow === 6 ? 1 : 0;
    xs.push([Math.sin(angle), Math.cos(angle), weekend, (Number(rec.tempC) - 15) / 8, rec.rain]);
    ys.push([rec.rentals]);
  }
  return { xs, ys };
}

async function main() {
  await tf.setBackend('wasm');

  const train = toExamples(stationLog(0, TRAIN_DAYS));
  const test = toExamples(stationLog(TRAIN_DAYS, TEST_DAYS));
  const xTrain = tf.tensor2d(train.xs, [train.xs.length, NUM_FEATURES]);
  const yTrain = tf.tensor2d(train.ys, [train.ys.length, 1]);
  const xTest = tf.tensor2d(test.xs, [test.xs.length, NUM_FEATURES]);
  const yTest = tf.tensor2d(test.ys, [test.ys.length, 1]);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [NUM_FEATURES] }));
  model.add(tf.layers.dense({ units: 32, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 1 }));
  model.compile({ optimizer: tf.train.adam(0.01), loss: 'meanSquaredError', metrics: ['mae'] });

  const history = await model.fit(xTrain, yTrain, { epochs: 30, batchSize: 128, shuffle: true, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const [testMse, testMae] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} mae ${h.mae[last].toFixed(3)} | test mse ${testMse.toFixed(3)} test mae ${testMae.toFixed(3)}`);
}

main();
