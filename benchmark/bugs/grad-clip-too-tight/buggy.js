'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(8164);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Regression with a custom training loop: predict a smooth nonlinear target from 8 standardized
// features. Gradients are clipped element-wise before the update so a bad batch cannot blow up
// the weights. Momentum SGD, mini-batches of 32.
const NUM_FEATURES = 8;
const N_TRAIN = 1000;
const N_TEST = 300;
const BATCH = 32;
const EPOCHS = 30;

const w1 = rng.array(NUM_FEATURES, () => rng.normal(0, 0.5));
const w2 = rng.array(NUM_FEATURES, () => rng.normal(0, 0.5));

function makeData(n) {
  const xs = [];
  const ys = [];
  for (let i = 0; i < n; i++) {
    const x = rng.array(NUM_FEATURES, () => rng.normal(0, 1));
    const a = x.reduce((s, v, j) => s + v * w1[j], 0);
    const b = x.reduce((s, v, j) => s + v * w2[j], 0);
    xs.push(x);
    ys.push([2 * Math.sin(a) + b * b - 1 + 0.1 * rng.normal(0, 1)]);
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
  model.add(tf.layers.dense({ units: 64, activation: 'relu', inputShape: [NUM_FEATURES] }));
  model.add(tf.layers.dense({ units: 32, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 1 }));

  const optimizer = tf.train.momentum(0.01, 0.9);

  const losses = [];
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    const order = tf.util.createShuffledIndices(N_TRAIN);
    let epochLoss = 0;
    let batches = 0;
    for (let start = 0; start < N_TRAIN; start += BATCH) {
      const idx = Array.from(order.slice(start, start + BATCH));
      const loss = tf.tidy(() => {
        const ids = tf.tensor1d(idx, 'int32');
        const xb = tf.gather(xTrain, ids);
        const yb = tf.gather(yTrain, ids);
        const { value, grads } = tf.variableGrads(() => tf.losses.meanSquaredError(yb, model.predict(xb)));
        const clipped = {};
        for (const name of Object.keys(grads)) clipped[name] = tf.clipByValue(grads[name], -1e-4, 1e-4);
        optimizer.applyGradients(clipped);
        return value;
      });
      epochLoss += loss.dataSync()[0];
      loss.dispose();
      batches++;
    }
    losses.push(epochLoss / batches);
  }

  const mse = (x, y) => tf.tidy(() => tf.losses.meanSquaredError(y, model.predict(x)).dataSync()[0]);
  const baseline = tf.tidy(() => tf.moments(yTest).variance.dataSync()[0]);
  console.log(`loss ${losses[0].toFixed(3)} -> ${losses[losses.length - 1].toFixed(3)} train mse ${mse(xTrain, yTrain).toFixed(3)} | test mse ${mse(xTest, yTest).toFixed(3)} (variance of test targets ${baseline.toFixed(3)})`);
}

main();
