'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(5163);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Predict tomorrow's temperature change in deg C (positive or negative, logged by the station at
// 0.1 deg resolution) from 8 standardized weather features: pressure trend, wind components,
// humidity, cloud cover, etc. Dense regression network trained with model.fit.
const NUM_FEATURES = 8;
const N_TRAIN = 1200;
const N_TEST = 400;

function makeDays(n) {
  const xs = [];
  const ys = [];
  for (let i = 0; i < n; i++) {
    const x = rng.array(NUM_FEATURES, () => rng.normal(0, 1));
    const change = 2.0 * x[0] - 1.5 * x[1] + 1.2 * Math.sin(x[2]) + 0.8 * x[3] * x[4] - 0.6 * x[5] + rng.normal(0, 0.5);
    xs.push(x);
    ys.push([Math.round(change * 10) / 10]);
  }
  return { xs, ys };
}

async function main() {
  await tf.setBackend('wasm');

  const train = makeDays(N_TRAIN);
  const test = makeDays(N_TEST);
  const xTrain = tf.tensor2d(train.xs, [N_TRAIN, NUM_FEATURES]);
  const yTrain = tf.tensor2d(train.ys, [N_TRAIN, 1]);
  const xTest = tf.tensor2d(test.xs, [N_TEST, NUM_FEATURES]);
  const yTest = tf.tensor2d(test.ys, [N_TEST, 1]);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [NUM_FEATURES] }));
  model.add(tf.layers.dense({ units: 32, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 1 }));

  model.compile({ optimizer: tf.train.adam(0.003), loss: 'meanSquaredError', metrics: ['mse'] });

  const history = await model.fit(xTrain, yTrain, { epochs: 40, batchSize: 32, shuffle: true, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const testMse = tf.tidy(() => tf.losses.meanSquaredError(yTest, model.predict(xTest)).dataSync()[0]);
  const targetVar = tf.tidy(() => tf.moments(yTest).variance.dataSync()[0]);
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} train mse ${h.mse[last].toFixed(3)} | test mse ${testMse.toFixed(3)} (target var ${targetVar.toFixed(3)})`);
}

main();
