'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(7305);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Load-cell calibration: predict the applied load from the cell's bridge signal, its temperature
// and the supply voltage (standardized). The reading gets noisier as the load grows, so the
// network predicts a mean and a variance per reading and is trained with the Gaussian negative
// log-likelihood in a custom mini-batch loop.
const N_TRAIN = 1000;
const N_TEST = 400;
const NUM_FEATURES = 3;
const BATCH = 32;
const EPOCHS = 40;

function makeReadings(n) {
  const xs = [];
  const ys = [];
  for (let i = 0; i < n; i++) {
    const signal = rng.uniform(-2, 2);
    const temp = rng.normal(0, 1);
    const supply = rng.normal(0, 1);
    const load = 1.5 * signal + 0.3 * Math.sin(2 * signal) - 0.25 * temp + 0.1 * signal * temp;
    const noiseStd = 0.02 + 0.25 * (signal + 2);
    xs.push([signal, temp, supply]);
    ys.push([load + rng.normal(0, noiseStd)]);
  }
  return { xs, ys };
}

// Column 0 of the network output is the predicted mean, column 1 the predicted variance.
function meanAndVariance(out) {
  const mean = out.slice([0, 0], [-1, 1]);
  const variance = out.slice([0, 1], [-1, 1]);
  return { mean, variance };
}

function gaussianNll(y, out) {
  const { mean, variance } = meanAndVariance(out);
  return tf.add(tf.mul(0.5, tf.log(variance)), tf.div(tf.square(tf.sub(y, mean)), tf.mul(2, variance))).mean();
}

async function main() {
  await tf.setBackend('wasm');

  const train = makeReadings(N_TRAIN);
  const test = makeReadings(N_TEST);
  const xTrain = tf.tensor2d(train.xs, [N_TRAIN, NUM_FEATURES]);
  const yTrain = tf.tensor2d(train.ys, [N_TRAIN, 1]);
  const xTest = tf.tensor2d(test.xs, [N_TEST, NUM_FEATURES]);
  const yTest = tf.tensor2d(test.ys, [N_TEST, 1]);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [NUM_FEATURES] }));
  model.add(tf.layers.dense({ units: 32, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 2 }));

  const optimizer = tf.train.sgd(0.01);
  const numBatches = Math.floor(N_TRAIN / BATCH);
  const losses = [];
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    const order = tf.util.createShuffledIndices(N_TRAIN);
    let epochLoss = 0;
    for (let b = 0; b < numBatches; b++) {
      const idx = tf.tensor1d(Int32Array.from(order.slice(b * BATCH, (b + 1) * BATCH)), 'int32');
      const xb = xTrain.gather(idx);
      const yb = yTrain.gather(idx);
      const loss = optimizer.minimize(() => gaussianNll(yb, model.predict(xb)), true);
      epochLoss += loss.dataSync()[0] / numBatches;
      tf.dispose([idx, xb, yb, loss]);
    }
    losses.push(epochLoss);
  }

  // NLL, RMSE of the predicted mean, and how often the reading falls inside mean +- 2 std.
  const report = (x, y) =>
    tf.tidy(() => {
      const out = model.predict(x);
      const { mean, variance } = meanAndVariance(out);
      const err = tf.sub(y, mean);
      const nll = gaussianNll(y, out).dataSync()[0];
      const rmse = Math.sqrt(tf.square(err).mean().dataSync()[0]);
      const covered = tf.abs(err).lessEqual(tf.mul(2, tf.sqrt(variance))).cast('float32').mean().dataSync()[0];
      return [nll, rmse, covered];
    });
  const [trainNll, trainRmse] = report(xTrain, yTrain);
  const [testNll, testRmse, testCovered] = report(xTest, yTest);
  console.log(`loss ${losses[0].toFixed(3)} -> ${losses[losses.length - 1].toFixed(3)} rmse ${trainRmse.toFixed(3)} (eval nll ${trainNll.toFixed(3)}) | test nll ${testNll.toFixed(3)} test rmse ${testRmse.toFixed(3)} within 2 std ${(100 * testCovered).toFixed(1)}%`);
}

main();
