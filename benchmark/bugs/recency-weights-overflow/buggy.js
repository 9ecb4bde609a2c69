'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(9544);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Daily unit sales per store from price, promotion, weekend and temperature. The sales history
// covers about eight years and customers' response to price and promotions has drifted over
// that time, so each record's squared error is weighted by recency (exponential decay with a
// 30-day time constant) and the model is trained full-batch in a custom loop.
// Held-out: the two weeks after the history ends.
const HISTORY_DAYS = 3000;
const HOLDOUT_DAYS = 14;
const N_TRAIN = 8000;
const N_TEST = 400;
const DECAY_DAYS = 30;
const NUM_FEATURES = 4;
const STEPS = 300;

function salesRecords(n, firstDay, lastDay) {
  const days = [];
  const xs = [];
  const ys = [];
  for (let i = 0; i < n; i++) {
    const day = rng.int(firstDay, lastDay);
    const t = day / HISTORY_DAYS;
    const price = rng.uniform(6, 14);
    const promo = rng.random() < 0.25 ? 1 : 0;
    const weekend = day % 7 >= 5 ? 1 : 0;
    const temp = 15 + 10 * Math.sin((2 * Math.PI * day) / 365) + rng.normal(0, 3);
    const units = 60 + 25 * promo * (0.3 + t) - 6 * (price - 10) * (1.6 - t) + 8 * weekend + 0.6 * (temp - 15) + rng.normal(0, 4);
    days.push(day);
    xs.push([price, promo, weekend, temp]);
    ys.push(Math.max(units, 0) / 10);
  }
  return { days, xs, ys };
}

async function main() {
  await tf.setBackend('wasm');

  const train = salesRecords(N_TRAIN, 0, HISTORY_DAYS);
  const test = salesRecords(N_TEST, HISTORY_DAYS, HISTORY_DAYS + HOLDOUT_DAYS);

  const xTrainRaw = tf.tensor2d(train.xs, [N_TRAIN, NUM_FEATURES]);
  const yTrain = tf.tensor2d(train.ys, [N_TRAIN, 1]);
  const xTestRaw = tf.tensor2d(test.xs, [N_TEST, NUM_FEATURES]);
  const yTest = tf.tensor2d(test.ys, [N_TEST, 1]);
  const { mean, variance } = tf.moments(xTrainRaw, 0);
  const std = variance.sqrt().add(1e-6);
  const xTrain = xTrainRaw.sub(mean).div(std);
  const xTest = xTestRaw.sub(mean).div(std);

  // recent records count more: weight = exp(day / 30)
  const recency = train.days.map((day) => Math.exp(day / DECAY_DAYS));
  const sampleWeights = tf.tensor2d(recency, [N_TRAIN, 1]);
  const weightTotal = sampleWeights.sum();

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 16, activation: 'relu', inputShape: [NUM_FEATURES] }));
  model.add(tf.layers.dense({ units: 1 }));
  const optimizer = tf.train.adam(0.03);

  const weightedMse = () => model.apply(xTrain).sub(yTrain).square().mul(sampleWeights).sum().div(weightTotal);

  const losses = [];
  for (let step = 0; step < STEPS; step++) {
    const loss = optimizer.minimize(weightedMse, true);
    losses.push(loss.dataSync()[0]);
    loss.dispose();
  }

  const trainMae = tf.tidy(() => model.predict(xTrain).sub(yTrain).abs().mul(sampleWeights).sum().div(weightTotal).dataSync()[0]);
  const testMae = tf.tidy(() => model.predict(xTest).sub(yTest).abs().mean().dataSync()[0]);
  console.log(`loss ${losses[0].toFixed(3)} -> ${losses[STEPS - 1].toFixed(3)} recency-weighted mae ${trainMae.toFixed(3)} | next ${HOLDOUT_DAYS} days mae ${testMae.toFixed(3)}`);
}

main();
