'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(8093);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Forty-class classifier: each class is a Gaussian blob around its own random prototype in 24
// features. Custom loop with optimizer.minimize and tf.losses.softmaxCrossEntropy on one-hot labels.
const N_FEATURES = 24;
const N_CLASSES = 40;
const N_TRAIN = 2000;
const N_TEST = 500;
const BATCH = 50;
const EPOCHS = 20;

const prototypes = rng.array(N_CLASSES, () => rng.array(N_FEATURES, () => rng.normal(0, 1)));

function makeBlobs(n) {
  const x = [];
  const labels = [];
  for (let i = 0; i < n; i++) {
    const c = rng.int(0, N_CLASSES);
    x.push(prototypes[c].map((m) => m + rng.normal(0, 1)));
    labels.push(c);
  }
  return { x, labels };
}

async function main() {
  await tf.setBackend('wasm');
  const train = makeBlobs(N_TRAIN);
  const test = makeBlobs(N_TEST);
  const xTrain = tf.tensor2d(train.x, [N_TRAIN, N_FEATURES]);
  const yTrain = tf.oneHot(tf.tensor1d(train.labels, 'int32'), N_CLASSES).toFloat();
  const xTest = tf.tensor2d(test.x, [N_TEST, N_FEATURES]);
  const yTest = tf.oneHot(tf.tensor1d(test.labels, 'int32'), N_CLASSES).toFloat();

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 64, activation: 'relu', inputShape: [N_FEATURES] }));
  model.add(tf.layers.dense({ units: N_CLASSES, activation: 'softmax' }));

  const optimizer = tf.train.sgd(0.1);
  const lossFn = (x, y) => tf.losses.softmaxCrossEntropy(y, model.apply(x));
  const numBatches = N_TRAIN / BATCH;
  const losses = [];
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    let epochLoss = 0;
    for (let b = 0; b < numBatches; b++) {
      const cost = tf.tidy(() => {
        const xb = xTrain.slice([b * BATCH, 0], [BATCH, N_FEATURES]);
        const yb = yTrain.slice([b * BATCH, 0], [BATCH, N_CLASSES]);
        return optimizer.minimize(() => lossFn(xb, yb), true);
      });
      epochLoss += cost.dataSync()[0] / numBatches;
      cost.dispose();
    }
    losses.push(epochLoss);
  }

  const accuracy = (x, y) => tf.tidy(() => model.apply(x).argMax(-1).equal(y.argMax(-1)).mean().dataSync()[0]);
  const testLoss = tf.tidy(() => lossFn(xTest, yTest).dataSync()[0]);
  console.log(`loss ${losses[0].toFixed(3)} -> ${losses[losses.length - 1].toFixed(3)} acc ${accuracy(xTrain, yTrain).toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${accuracy(xTest, yTest).toFixed(3)}`);
}

main();
