'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(8093);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Regression with a custom training loop (optimizer.minimize) on large mini-batches.
// Synthetic "energy use" data: 8 standardized features, target is a smooth nonlinear function
// of them plus a little noise. Squared-error loss, plain SGD.
const NUM_FEATURES = 8;
const N_TRAIN = 2048;
const N_TEST = 512;
const BATCH = 256;

function target(x) {
  return 0.8 * x[0] - 0.5 * x[1] + 0.6 * Math.sin(x[2]) + 0.4 * x[3] * x[4] - 0.3 * x[5] * x[5] + 0.2 * x[6];
}

function makeData(n) {
  const xs = [];
  const ys = [];
  for (let i = 0; i < n; i++) {
    const x = rng.array(NUM_FEATURES, () => rng.normal(0, 1));
    xs.push(x);
    ys.push([target(x) + rng.normal(0, 0.1)]);
  }
  return { xs, ys };
}

async function main() {
  await tf.setBackend('wasm');

  const train = makeData(N_TRAIN);
  const test = makeData(N_TEST);
  const xTrain = tf.tensor2d(train.xs, [N_TRAIN, NUM_FEATURES]);
  const yTrain = tf.tensor2d(train.ys, [N_TRAIN, 1]);
  const xTest = tf.tensor2d(test.xs, [N_TEST, NUM_FEATURES]);
  const yTest = tf.tensor2d(test.ys, [N_TEST, 1]);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [NUM_FEATURES] }));
  model.add(tf.layers.dense({ units: 32, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 1 }));

  const optimizer = tf.train.sgd(0.05);
  const lossFn = (xb, yb) => tf.sum(tf.square(model.predict(xb).sub(yb)));

  const numBatches = N_TRAIN / BATCH;
  const losses = [];
  for (let epoch = 0; epoch < 40; epoch++) {
    let epochLoss = 0;
    for (let b = 0; b < numBatches; b++) {
      const xb = xTrain.slice([b * BATCH, 0], [BATCH, NUM_FEATURES]);
      const yb = yTrain.slice([b * BATCH, 0], [BATCH, 1]);
      const cost = optimizer.minimize(() => lossFn(xb, yb), true);
      epochLoss += cost.dataSync()[0] / numBatches;
      tf.dispose([xb, yb, cost]);
    }
    losses.push(epochLoss);
  }

  const mse = (x, y) => tf.tidy(() => tf.losses.meanSquaredError(y, model.predict(x)).dataSync()[0]);
  const variance = tf.tidy(() => tf.moments(yTest).variance.dataSync()[0]);
  const testMse = mse(xTest, yTest);
  console.log(`loss ${losses[0].toFixed(3)} -> ${losses[losses.length - 1].toFixed(3)} train mse ${mse(xTrain, yTrain).toFixed(3)} | test mse ${testMse.toFixed(3)} test r2 ${(1 - testMse / variance).toFixed(3)}`);
}

main();
