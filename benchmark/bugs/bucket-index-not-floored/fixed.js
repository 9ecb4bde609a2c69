'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(9510);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Taxi trip duration (minutes) from the trip distance and the pickup time. Traffic changes a lot
// over the day, so the pickup hour is one-hot encoded into 3-hour buckets instead of being fed as
// a raw number, and the network learns a pace for every part of the day.
// Trips from the first three weeks train the model; the fourth week is held out.
const N_TRAIN = 1500;
const N_TEST = 500;
const BUCKET_WIDTH = 3;
const N_BUCKETS = 24 / BUCKET_WIDTH;
const HOUR_OFFSET = 2; // columns 0-1: distance, weekend flag
const NUM_FEATURES = HOUR_OFFSET + N_BUCKETS;
const DAY_MS = 24 * 3600 * 1000;
const WEEK_START = Date.UTC(2024, 2, 4); // a Monday

// minutes per km for each 3-hour slice of the day: quiet nights, morning and evening rush
const PACE = [1.3, 1.2, 3.4, 2.4, 2.2, 3.8, 2.9, 1.7];

function loadTrips(n, week) {
  const trips = [];
  for (let i = 0; i < n; i++) {
    const pickupMs = WEEK_START + week * 7 * DAY_MS + Math.floor(rng.random() * 7 * DAY_MS);
    const hour = new Date(pickupMs).getUTCHours();
    const weekday = new Date(pickupMs).getUTCDay();
    const distanceKm = Math.exp(rng.normal(1.3, 0.6));
    const weekend = weekday === 0 || weekday === 6;
    const pace = PACE[Math.floor(hour / BUCKET_WIDTH)] * (weekend ? 0.75 : 1);
    const minutes = 2 + distanceKm * pace * Math.exp(rng.normal(0, 0.08)) + rng.uniform(0, 2);
    trips.push({ pickupMs, distanceKm, minutes });
  }
  return trips;
}

function toFeatures(trip) {
  const row = new Array(NUM_FEATURES).fill(0);
  const pickup = new Date(trip.pickupMs);
  const weekday = pickup.getUTCDay();
  row[0] = trip.distanceKm;
  row[1] = weekday === 0 || weekday === 6 ? 1 : 0;
  row[HOUR_OFFSET + Math.floor(pickup.getUTCHours() / BUCKET_WIDTH)] = 1;
  return row;
}

async function main() {
  await tf.setBackend('wasm');

  const trainTrips = [0, 1, 2].flatMap((week) => loadTrips(N_TRAIN / 3, week));
  const testTrips = loadTrips(N_TEST, 3);
  const xTrainRaw = tf.tensor2d(trainTrips.map(toFeatures), [N_TRAIN, NUM_FEATURES]);
  const yTrain = tf.tensor2d(trainTrips.map((t) => [t.minutes]), [N_TRAIN, 1]);
  const xTestRaw = tf.tensor2d(testTrips.map(toFeatures), [N_TEST, NUM_FEATURES]);
  const yTest = tf.tensor2d(testTrips.map((t) => [t.minutes]), [N_TEST, 1]);

  // distance in km is scaled by the training mean; the flag and bucket columns are already 0/1
  const distMean = tf.mean(xTrainRaw.slice([0, 0], [-1, 1]));
  const scale = tf.concat([distMean.reshape([1, 1]), tf.ones([1, NUM_FEATURES - 1])], 1);
  const xTrain = xTrainRaw.div(scale);
  const xTest = xTestRaw.div(scale);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [NUM_FEATURES] }));
  model.add(tf.layers.dense({ units: 16, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 1 }));
  model.compile({ optimizer: tf.train.adam(0.01), loss: 'meanSquaredError', metrics: ['mae'] });

  const history = await model.fit(xTrain, yTrain, { epochs: 40, batchSize: 32, shuffle: true, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testMae] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} mae ${h.mae[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test mae ${testMae.toFixed(3)} (minutes)`);
}

main();
