'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(9612);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Bearing fault type (healthy, inner race, outer race, ball) from eight vibration features
// (RMS, peak, kurtosis, crest factor and the band energies around the characteristic defect
// frequencies). Features are standardized with the training statistics; the classifier is a
// small MLP trained with our own loop and a hand-written softmax cross-entropy.
const N_TRAIN = 1200;
const N_TEST = 400;
const NUM_FEATURES = 8;
const NUM_CLASSES = 4;
const EPOCHS = 30;
const BATCH_SIZE = 64;
const LEARNING_RATE = 0.01;

function recordVibrations(n) {
  const xs = [];
  const ys = [];
  for (let i = 0; i < n; i++) {
    const fault = rng.int(0, NUM_CLASSES);
    const severity = fault === 0 ? 0 : Math.exp(rng.normal(0, 0.8));
    const rms = 0.5 + 0.4 * severity + rng.normal(0, 0.05);
    const peak = rms * (1.4 + 0.6 * severity + rng.normal(0, 0.1));
    const kurtosis = 3 + (fault === 1 ? 4 : fault === 3 ? 2 : 1) * severity + rng.normal(0, 0.3);
    const crest = peak / rms;
    const bands = [1, 2, 3].map((b) => (fault === b ? 2 * severity : 0) + Math.abs(rng.normal(0, 0.2)));
    xs.push([rms, peak, kurtosis, crest, ...bands, rng.normal(30, 5)]);
    ys.push(fault);
  }
  return { xs, ys };
}

// numerically stable softmax cross-entropy: shift the logits by their maximum before exp
function softmaxCrossEntropy(labels, logits) {
  return tf.tidy(() => {
    const shifted = logits.sub(tf.max(logits));
    const expLogits = tf.exp(shifted);
    const probs = expLogits.div(tf.sum(expLogits, 1, true));
    return tf.neg(tf.mean(tf.sum(labels.mul(tf.log(probs.add(1e-7))), 1)));
  });
}

async function main() {
  await tf.setBackend('wasm');

  const train = recordVibrations(N_TRAIN);
  const test = recordVibrations(N_TEST);
  const xTrainRaw = tf.tensor2d(train.xs, [N_TRAIN, NUM_FEATURES]);
  const yTrain = tf.oneHot(tf.tensor1d(train.ys, 'int32'), NUM_CLASSES).toFloat();
  const xTestRaw = tf.tensor2d(test.xs, [N_TEST, NUM_FEATURES]);
  const yTest = tf.oneHot(tf.tensor1d(test.ys, 'int32'), NUM_CLASSES).toFloat();

  const { mean, variance } = tf.moments(xTrainRaw, 0);
  const std = variance.sqrt().add(1e-6);
  const xTrain = xTrainRaw.sub(mean).div(std);
  const xTest = xTestRaw.sub(mean).div(std);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 64, activation: 'relu', inputShape: [NUM_FEATURES] }));
  model.add(tf.layers.dense({ units: 64, activation: 'relu' }));
  model.add(tf.layers.dense({ units: NUM_CLASSES }));
  const optimizer = tf.train.adam(LEARNING_RATE);

  const losses = [];
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    const order = tf.util.createShuffledIndices(N_TRAIN);
    let epochLoss = 0;
    let batches = 0;
    for (let start = 0; start < N_TRAIN; start += BATCH_SIZE) {
      const idx = tf.tensor1d(Array.from(order.slice(start, start + BATCH_SIZE)), 'int32');
      const xb = tf.gather(xTrain, idx);
      const yb = tf.gather(yTrain, idx);
      const loss = optimizer.minimize(() => softmaxCrossEntropy(yb, model.predict(xb)), true);
      epochLoss += loss.dataSync()[0];
      batches++;
      tf.dispose([idx, xb, yb, loss]);
    }
    losses.push(epochLoss / batches);
  }

  const accuracy = (xs, ys) => tf.tidy(() => model.predict(xs).argMax(1).equal(ys.argMax(1)).mean().dataSync()[0]);
  const testLoss = tf.tidy(() => softmaxCrossEntropy(yTest, model.predict(xTest)).dataSync()[0]);
  console.log(`loss ${losses[0].toFixed(3)} -> ${losses[EPOCHS - 1].toFixed(3)} acc ${accuracy(xTrain, yTrain).toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${accuracy(xTest, yTest).toFixed(3)}`);
}

main();
