'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(6748);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Calibrating a low-cost air-quality sensor: predict the reference station's PM2.5 anomaly
// (deviation from the site mean) from 6 standardized low-cost sensor channels, hourly. The
// reference station was offline for stretches of hours, so those targets are missing; they are
// stored as 0 with a 0/1 mask and left out of the loss. Mini-batches are consecutive hours (the
// order of the batches is shuffled each epoch). Hand-written loop with optimizer.minimize, Adam.
const N_FEATURES = 6;
const N_TRAIN = 2400;
const N_TEST = 600;
const BATCH = 32;
const EPOCHS = 20;

const wLin = rng.array(N_FEATURES, () => rng.normal(0, 0.5));

function makeHours(n) {
  const xs = [];
  const ys = [];
  const mask = [];
  let online = true;
  for (let i = 0; i < n; i++) {
    if (online && rng.random() < 0.006) online = false;
    else if (!online && rng.random() < 0.015) online = true;
    const x = rng.array(N_FEATURES, () => rng.normal(0, 1));
    const y = x.reduce((s, v, j) => s + v * wLin[j], 0) + 0.5 * Math.tanh(2 * x[0]) * x[1] + 0.1 * rng.normal(0, 1);
    xs.push(x);
    ys.push([online ? y : 0]);
    mask.push([online ? 1 : 0]);
  }
  return { xs, ys, mask };
}

function maskedMse(yTrue, yPred, mask) {
  const sq = tf.square(tf.sub(yPred, yTrue));
  return tf.div(tf.sum(tf.mul(mask, sq)), tf.maximum(tf.sum(mask), 1));
}

async function main() {
  await tf.setBackend('wasm');

  const train = makeHours(N_TRAIN);
  const test = makeHours(N_TEST);
  const xTrain = tf.tensor2d(train.xs, [N_TRAIN, N_FEATURES]);
  const yTrain = tf.tensor2d(train.ys, [N_TRAIN, 1]);
  const mTrain = tf.tensor2d(train.mask, [N_TRAIN, 1]);
  const xTest = tf.tensor2d(test.xs, [N_TEST, N_FEATURES]);
  const yTest = tf.tensor2d(test.ys, [N_TEST, 1]);
  const mTest = tf.tensor2d(test.mask, [N_TEST, 1]);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [N_FEATURES] }));
  model.add(tf.layers.dense({ units: 16, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 1 }));

  const optimizer = tf.train.adam(0.005);
  const numBatches = Math.floor(N_TRAIN / BATCH);

  const losses = [];
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    const batchOrder = tf.util.createShuffledIndices(numBatches);
    let epochLoss = 0;
    for (const b of batchOrder) {
      const loss = tf.tidy(() => {
        const xb = xTrain.slice([b * BATCH, 0], [BATCH, N_FEATURES]);
        const yb = yTrain.slice([b * BATCH, 0], [BATCH, 1]);
        const mb = mTrain.slice([b * BATCH, 0], [BATCH, 1]);
        return optimizer.minimize(() => maskedMse(yb, model.predict(xb), mb), true);
      });
      epochLoss += loss.dataSync()[0];
      loss.dispose();
    }
    losses.push(epochLoss / numBatches);
  }

  const evaluate = (x, y, m) => tf.tidy(() => maskedMse(y, model.predict(x), m).dataSync()[0]);
  const observedFraction = tf.tidy(() => mTrain.mean().dataSync()[0]);
  const testVariance = tf.tidy(() => {
    const mean = tf.sum(tf.mul(mTest, yTest)).div(tf.sum(mTest));
    return tf.sum(tf.mul(mTest, tf.square(tf.sub(yTest, mean)))).div(tf.sum(mTest)).dataSync()[0];
  });
  console.log(`observed ${observedFraction.toFixed(2)} | loss ${losses[0].toFixed(3)} -> ${losses[losses.length - 1].toFixed(3)} train mse ${evaluate(xTrain, yTrain, mTrain).toFixed(3)} | test mse ${evaluate(xTest, yTest, mTest).toFixed(3)} (variance of test targets ${testVariance.toFixed(3)})`);
}

main();
