'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(5821);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Loan approval from 10 standardized applicant features (income, debt ratio, age, ...). A loan is
// approved when a hidden credit score is positive. Small MLP trained in a custom mini-batch loop
// with tf.variableGrads + applyGradients and a binary cross-entropy written out by hand.
const N_TRAIN = 1000;
const N_TEST = 400;
const NUM_FEATURES = 10;
const BATCH = 50;
const EPOCHS = 20;
const EPSILON = 1e-7;

function makeApplicants(n) {
  const xs = [];
  const ys = [];
  for (let i = 0; i < n; i++) {
    const f = rng.array(NUM_FEATURES, () => rng.normal(0, 1));
    const score = 1.2 * f[0] - f[1] + 0.8 * f[2] * f[3] - 0.6 * f[4] * f[4] + 0.5 * f[5] + 0.3 + rng.normal(0, 0.2);
    xs.push(f);
    ys.push([score > 0 ? 1 : 0]);
  }
  return { xs, ys };
}

function binaryCrossentropy(yTrue, yPred) {
  const p = yPred.clipByValue(EPSILON, 1 - EPSILON);
  const positive = yTrue.mul(p.log());
  const negative = tf.scalar(1).sub(yTrue).mul(tf.scalar(1).sub(p).log());
  return positive.add(negative).neg().mean();
}

async function main() {
  await tf.setBackend('wasm');

  const train = makeApplicants(N_TRAIN);
  const test = makeApplicants(N_TEST);
  const xTrain = tf.tensor2d(train.xs, [N_TRAIN, NUM_FEATURES]);
  const yTrain = tf.tensor2d(train.ys, [N_TRAIN, 1]);
  const xTest = tf.tensor2d(test.xs, [N_TEST, NUM_FEATURES]);
  const yTest = tf.tensor2d(test.ys, [N_TEST, 1]);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [NUM_FEATURES] }));
  model.add(tf.layers.dense({ units: 16, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 2, activation: 'softmax' }));

  const optimizer = tf.train.adam(0.01);
  const numBatches = Math.floor(N_TRAIN / BATCH);
  const losses = [];
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    const order = tf.util.createShuffledIndices(N_TRAIN);
    let epochLoss = 0;
    for (let b = 0; b < numBatches; b++) {
      tf.tidy(() => {
        const idx = tf.tensor1d(Int32Array.from(order.slice(b * BATCH, (b + 1) * BATCH)), 'int32');
        const xb = xTrain.gather(idx);
        const yb = yTrain.gather(idx);
        const { value, grads } = tf.variableGrads(() => binaryCrossentropy(yb, model.predict(xb)));
        optimizer.applyGradients(grads);
        epochLoss += value.dataSync()[0] / numBatches;
      });
    }
    losses.push(epochLoss);
  }

  const accuracy = (x, y) => tf.tidy(() => model.predict(x).greater(0.5).cast('float32').equal(y).mean().dataSync()[0]);
  const testLoss = tf.tidy(() => binaryCrossentropy(yTest, model.predict(xTest)).dataSync()[0]);
  console.log(`loss ${losses[0].toFixed(3)} -> ${losses[losses.length - 1].toFixed(3)} acc ${accuracy(xTrain, yTrain).toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${accuracy(xTest, yTest).toFixed(3)}`);
}

main();
