'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(9615);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Land-cover classification of satellite pixels from six surface-reflectance bands
// (blue, green, red, near-infrared, SWIR-1, SWIR-2). Each cover type has its own spectral
// signature; pixels vary with illumination, moisture and sensor noise. The classifier is fit by
// maximum likelihood in a hand-written loop: the likelihood of a mini-batch is the product of the
// probabilities the model gives to the true cover type of each pixel.
const COVER = ['water', 'forest', 'cropland', 'urban', 'bare soil'];
const SIGNATURES = [
  [0.08, 0.06, 0.04, 0.03, 0.02, 0.01],
  [0.03, 0.06, 0.04, 0.35, 0.17, 0.08],
  [0.05, 0.09, 0.07, 0.28, 0.24, 0.14],
  [0.12, 0.13, 0.14, 0.20, 0.22, 0.19],
  [0.10, 0.14, 0.19, 0.25, 0.33, 0.29],
];
const BANDS = SIGNATURES[0].length;
const N_TRAIN = 2560;
const N_TEST = 1000;

const EPOCHS = 15;
const BATCH_SIZE = 256;
const LEARNING_RATE = 0.005;

function samplePixels(n) {
  const xs = [];
  const labels = [];
  for (let i = 0; i < n; i++) {
    const c = rng.int(0, COVER.length);
    const illumination = rng.uniform(0.7, 1.3);
    const moisture = rng.normal(0, 0.03);
    for (let b = 0; b < BANDS; b++) {
      const wet = b >= 4 ? -moisture : 0;
      xs.push(Math.max(0, SIGNATURES[c][b] * illumination + wet + rng.normal(0, 0.025)));
    }
    labels.push(c);
  }
  return { xs, labels };
}

async function main() {
  await tf.setBackend('wasm');

  const train = samplePixels(N_TRAIN);
  const test = samplePixels(N_TEST);
  const xTrainRaw = tf.tensor2d(train.xs, [N_TRAIN, BANDS]);
  const xTestRaw = tf.tensor2d(test.xs, [N_TEST, BANDS]);
  const { mean, variance } = tf.moments(xTrainRaw, 0);
  const std = variance.sqrt().add(1e-6);
  const xTrain = xTrainRaw.sub(mean).div(std);
  const xTest = xTestRaw.sub(mean).div(std);
  const yTrain = tf.oneHot(tf.tensor1d(train.labels, 'int32'), COVER.length).toFloat();
  const yTest = tf.oneHot(tf.tensor1d(test.labels, 'int32'), COVER.length).toFloat();

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [BANDS] }));
  model.add(tf.layers.dense({ units: 32, activation: 'relu' }));
  model.add(tf.layers.dense({ units: COVER.length, activation: 'softmax' }));

  // negative log-likelihood per pixel: -(1/n) log prod_i p(y_i | x_i)
  const negLogLikelihood = (x, y) => {
    const probOfTrueClass = model.apply(x, { training: true }).mul(y).sum(1);
    return tf.log(probOfTrueClass).mean().neg();
  };

  const optimizer = tf.train.adam(LEARNING_RATE);
  const numBatches = Math.ceil(N_TRAIN / BATCH_SIZE);
  const losses = [];

  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    const order = tf.util.createShuffledIndices(N_TRAIN);
    let epochLoss = 0;
    for (let b = 0; b < numBatches; b++) {
      const batchIdx = Array.from(order.slice(b * BATCH_SIZE, (b + 1) * BATCH_SIZE));
      const cost = tf.tidy(() => {
        const idx = tf.tensor1d(batchIdx, 'int32');
        const xb = xTrain.gather(idx);
        const yb = yTrain.gather(idx);
        return optimizer.minimize(() => negLogLikelihood(xb, yb), true);
      });
      epochLoss += cost.dataSync()[0] / numBatches;
      cost.dispose();
    }
    losses.push(epochLoss);
  }

  const evaluate = (x, y) =>
    tf.tidy(() => {
      const probs = model.predict(x);
      const nll = tf.metrics.categoricalCrossentropy(y, probs).mean().dataSync()[0];
      const acc = probs.argMax(-1).equal(y.argMax(-1)).mean().dataSync()[0];
      return [nll, acc];
    });
  const [, trainAcc] = evaluate(xTrain, yTrain);
  const [testNll, testAcc] = evaluate(xTest, yTest);
  console.log(`nll/pixel ${losses[0].toFixed(3)} -> ${losses[losses.length - 1].toFixed(3)} train acc ${trainAcc.toFixed(3)} | test nll ${testNll.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
