'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(9690);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Food delivery ETA: minutes from order to doorstep, predicted from the distance (km), the
// number of items, the restaurant's prep time (min), the hour of the day and a rain flag.
// The ops team reports errors in minutes, so the model is trained directly on mean absolute
// error (robust to the odd order that sat forgotten on the counter). Last week's orders are
// the held-out set.
const N_TRAIN = 2000;
const N_TEST = 500;
const N_FEATURES = 5;

function loadOrders(n) {
  const xs = [];
  const ys = [];
  for (let i = 0; i < n; i++) {
    const distance = rng.uniform(0.5, 20);
    const items = rng.int(1, 9);
    const prep = rng.uniform(5, 40);
    const hour = rng.int(10, 24);
    const rain = rng.random() < 0.25 ? 1 : 0;
    const rush = Math.exp(-((hour - 13) ** 2) / 2) + Math.exp(-((hour - 19.5) ** 2) / 3);
    let minutes = prep + 3.5 * distance * (1 + 0.3 * rain) + 0.8 * items + 8 * rush + 4 + rng.normal(0, 2);
    if (rng.random() < 0.03) minutes += rng.uniform(15, 40);
    xs.push([distance, items, prep, hour, rain]);
    ys.push([minutes]);
  }
  return { xs, ys };
}

// mean absolute error in minutes over the batch
function meanAbsoluteError(yTrue, yPred) {
  return tf.mean(tf.abs(tf.sub(yTrue, yPred)));
}

async function main() {
  await tf.setBackend('wasm');

  const train = loadOrders(N_TRAIN);
  const test = loadOrders(N_TEST);
  const xTrainRaw = tf.tensor2d(train.xs, [N_TRAIN, N_FEATURES]);
  const yTrain = tf.tensor2d(train.ys, [N_TRAIN, 1]);
  const xTestRaw = tf.tensor2d(test.xs, [N_TEST, N_FEATURES]);
  const yTest = tf.tensor2d(test.ys, [N_TEST, 1]);

  const { mean, variance } = tf.moments(xTrainRaw, 0);
  const std = variance.sqrt().add(1e-6);
  const xTrain = xTrainRaw.sub(mean).div(std);
  const xTest = xTestRaw.sub(mean).div(std);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [N_FEATURES] }));
  model.add(tf.layers.dense({ units: 32, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 1 }));
  model.compile({ optimizer: tf.train.adam(0.01), loss: meanAbsoluteError });

  const history = await model.fit(xTrain, yTrain, { epochs: 60, batchSize: 128, shuffle: true, verbose: 0 });

  const losses = history.history.loss;
  const trainMae = tf.tidy(() => tf.metrics.meanAbsoluteError(yTrain, model.predict(xTrain)).mean().dataSync()[0]);
  const testMae = tf.tidy(() => tf.metrics.meanAbsoluteError(yTest, model.predict(xTest)).mean().dataSync()[0]);
  const baseline = tf.tidy(() => tf.metrics.meanAbsoluteError(yTest, tf.onesLike(yTest).mul(yTrain.mean())).mean().dataSync()[0]);
  console.log(`loss ${losses[0].toFixed(3)} -> ${losses[losses.length - 1].toFixed(3)} train mae ${trainMae.toFixed(3)} min | test mae ${testMae.toFixed(3)} min (predicting the mean: ${baseline.toFixed(3)})`);
}

main();
