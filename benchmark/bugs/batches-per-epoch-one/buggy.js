'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(3318);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Regression with tf.data: predict a building's heating load (synthetic) from 6 standardized
// features. The training set is fed through model.fitDataset from a zipped tf.data pipeline.
const NUM_FEATURES = 6;
const N_TRAIN = 640;
const N_TEST = 256;
const EPOCHS = 20;

function heatingLoad(x) {
  return 2 * Math.sin(x[0]) + x[1] * x[2] + 0.5 * x[3] * x[3] - x[4] + 0.5 * Math.abs(x[5]);
}

function makeRows(n) {
  const xs = [];
  const ys = [];
  for (let i = 0; i < n; i++) {
    const x = rng.array(NUM_FEATURES, () => rng.normal(0, 1));
    xs.push(x);
    ys.push([heatingLoad(x) + rng.normal(0, 0.1)]);
  }
  return { xs, ys };
}

async function main() {
  await tf.setBackend('wasm');

  const train = makeRows(N_TRAIN);
  const test = makeRows(N_TEST);

  const trainDs = tf.data
    .zip({ xs: tf.data.array(train.xs), ys: tf.data.array(train.ys) })
    .batch(32);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [NUM_FEATURES] }));
  model.add(tf.layers.dense({ units: 32, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 1 }));
  model.compile({ optimizer: 'adam', loss: 'meanSquaredError' });

  const history = await model.fitDataset(trainDs, { epochs: EPOCHS, batchesPerEpoch: 1, verbose: 0 });

  const xTrain = tf.tensor2d(train.xs, [N_TRAIN, NUM_FEATURES]);
  const yTrain = tf.tensor2d(train.ys, [N_TRAIN, 1]);
  const xTest = tf.tensor2d(test.xs, [N_TEST, NUM_FEATURES]);
  const yTest = tf.tensor2d(test.ys, [N_TEST, 1]);
  const trainMse = model.evaluate(xTrain, yTrain).dataSync()[0];
  const testMse = model.evaluate(xTest, yTest).dataSync()[0];
  const r2 = 1 - testMse / tf.moments(yTest).variance.dataSync()[0];

  const h = history.history;
  const last = h.loss.length - 1;
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} train mse ${trainMse.toFixed(3)} | test mse ${testMse.toFixed(3)} test r2 ${r2.toFixed(3)}`);
}

main();
