'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(5512);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Customer churn classifier written with the low-level API only: a two-layer network whose
// weights are tf.variable tensors, trained with optimizer.minimize on mini-batches.
// Eight standardized features (tenure, monthly charges, support calls, ...); churn depends
// on a couple of interactions between them.
const N_TRAIN = 1000;
const N_TEST = 300;
const NUM_FEATURES = 8;
const HIDDEN = 24;
const BATCH = 50;
const EPOCHS = 30;

function makeCustomers(n) {
  const xs = [];
  const ys = [];
  for (let i = 0; i < n; i++) {
    const f = rng.array(NUM_FEATURES, () => rng.normal(0, 1));
    const score = 1.5 * f[0] * f[1] - f[2] + 0.8 * Math.abs(f[3]) - 0.6;
    xs.push(f);
    ys.push([score > 0 ? 1 : 0]);
  }
  return { xs, ys };
}

let w1, b1, w2, b2;

function initWeights() {
  w1 = tf.variable(tf.randomNormal([NUM_FEATURES, HIDDEN], 0, Math.sqrt(2 / NUM_FEATURES)));
  b1 = tf.variable(tf.zeros([HIDDEN]));
  w2 = tf.variable(tf.randomNormal([HIDDEN, 1], 0, Math.sqrt(1 / HIDDEN)));
  b2 = tf.variable(tf.zeros([1]));
}

function predict(x) {
  return x.matMul(w1).add(b1).relu().matMul(w2).add(b2).sigmoid();
}

function loss(pred, y) {
  return tf.losses.logLoss(y, pred);
}

function accuracy(x, y) {
  return tf.tidy(() => predict(x).greater(0.5).cast('float32').equal(y).mean().dataSync()[0]);
}

async function main() {
  await tf.setBackend('wasm');

  const train = makeCustomers(N_TRAIN);
  const test = makeCustomers(N_TEST);
  const xTrain = tf.tensor2d(train.xs, [N_TRAIN, NUM_FEATURES]);
  const yTrain = tf.tensor2d(train.ys, [N_TRAIN, 1]);
  const xTest = tf.tensor2d(test.xs, [N_TEST, NUM_FEATURES]);
  const yTest = tf.tensor2d(test.ys, [N_TEST, 1]);

  const optimizer = tf.train.adam(0.01);
  const tensorsBefore = tf.memory().numTensors;
  initWeights();
  const losses = [];
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    let epochLoss = 0;
    for (let start = 0; start < N_TRAIN; start += BATCH) {
      const cost = tf.tidy(() => {
        const xb = xTrain.slice([start, 0], [BATCH, NUM_FEATURES]);
        const yb = yTrain.slice([start, 0], [BATCH, 1]);
        return optimizer.minimize(() => loss(predict(xb), yb), true, [w1, b1, w2, b2]);
      });
      epochLoss += cost.dataSync()[0] / (N_TRAIN / BATCH);
      cost.dispose();
    }
    losses.push(epochLoss);
  }
  const tensorsAfter = tf.memory().numTensors;

  const trainAcc = accuracy(xTrain, yTrain);
  const testAcc = accuracy(xTest, yTest);
  const testLoss = tf.tidy(() => loss(predict(xTest), yTest).dataSync()[0]);
  console.log(`loss ${losses[0].toFixed(3)} -> ${losses[losses.length - 1].toFixed(3)} acc ${trainAcc.toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)} | tensors ${tensorsBefore} -> ${tensorsAfter}`);
}

main();
