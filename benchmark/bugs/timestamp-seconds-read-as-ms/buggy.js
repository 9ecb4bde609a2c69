'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(9536);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Forecasts hourly rentals at a city bike-share station. The station log has one row per hour:
// {ts, tempC, raining, rides}, with ts the Unix timestamp of the start of the hour (UTC). The
// calendar features are the day of week and the hour of day, both one-hot, next to the
// standardized temperature and the rain flag; a small MLP regresses rides per hour.
// Six months of history are used for training and the following two months are held out.
const TRAIN_START = Date.UTC(2023, 3, 1) / 1000;
const TEST_START = Date.UTC(2023, 9, 1) / 1000;
const HOUR = 3600;
const N_TRAIN = 2000;
const N_TEST = 600;
const NUM_FEATURES = 7 + 24 + 2;
const EPOCHS = 40;

function expectedRides(weekday, hour, tempC, raining) {
  const workday = weekday >= 1 && weekday <= 5;
  let rides = 6;
  if (workday) {
    rides += 55 * Math.exp(-((hour - 8) ** 2) / 1.5) + 60 * Math.exp(-((hour - 17.5) ** 2) / 2);
    rides += hour >= 7 && hour <= 20 ? 12 : 0;
  } else {
    rides += 35 * Math.exp(-((hour - 14) ** 2) / 12);
  }
  rides *= 0.5 + 0.5 / (1 + Math.exp(-(tempC - 12) / 4));
  return raining ? rides * 0.45 : rides;
}

// stands in for reading the station's hourly log from the warehouse
function loadStationLog(startTs, days, n) {
  const rows = [];
  for (let i = 0; i < n; i++) {
    const ts = startTs + rng.int(0, days * 24) * HOUR;
    const d = new Date(ts * 1000);
    const dayOfYear = (ts - Date.UTC(2023, 0, 1) / 1000) / (24 * HOUR);
    const tempC = 12 - 10 * Math.cos((2 * Math.PI * (dayOfYear - 15)) / 365) + 4 * Math.sin((Math.PI * (d.getUTCHours() - 9)) / 12) + rng.normal(0, 2.5);
    const raining = rng.random() < 0.15;
    const rides = Math.max(0, Math.round(expectedRides(d.getUTCDay(), d.getUTCHours(), tempC, raining) + rng.normal(0, 4)));
    rows.push({ ts, tempC: Number(tempC.toFixed(1)), raining, rides });
  }
  return rows;
}

function toFeatures(rows, tempMean, tempStd) {
  return rows.map((row) => {
    const when = new Date(row.ts);
    const dow = new Array(7).fill(0);
    const hod = new Array(24).fill(0);
    dow[when.getUTCDay()] = 1;
    hod[when.getUTCHours()] = 1;
    return [...dow, ...hod, (row.tempC - tempMean) / tempStd, row.raining ? 1 : 0];
  });
}

async function main() {
  await tf.setBackend('wasm');

  const trainRows = loadStationLog(TRAIN_START, 183, N_TRAIN);
  const testRows = loadStationLog(TEST_START, 61, N_TEST);
  const temps = trainRows.map((r) => r.tempC);
  const tempMean = temps.reduce((s, v) => s + v, 0) / temps.length;
  const tempStd = Math.sqrt(temps.reduce((s, v) => s + (v - tempMean) ** 2, 0) / temps.length);
  const xTrain = tf.tensor2d(toFeatures(trainRows, tempMean, tempStd), [N_TRAIN, NUM_FEATURES]);
  const xTest = tf.tensor2d(toFeatures(testRows, tempMean, tempStd), [N_TEST, NUM_FEATURES]);
  const yTrain = tf.tensor2d(trainRows.map((r) => [r.rides / 10]), [N_TRAIN, 1]);
  const yTest = tf.tensor2d(testRows.map((r) => [r.rides / 10]), [N_TEST, 1]);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [NUM_FEATURES] }));
  model.add(tf.layers.dense({ units: 16, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 1 }));
  model.compile({ optimizer: tf.train.adam(0.005), loss: 'meanSquaredError', metrics: ['mae'] });

  const history = await model.fit(xTrain, yTrain, { epochs: EPOCHS, batchSize: 32, shuffle: true, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testMae] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} mae ${h.mae[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test mae ${(testMae * 10).toFixed(1)} rides/h`);
}

main();
