'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(9659);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Activity recognition from wrist-sensor windows: each 5-second window is summarized into a few
// accelerometer / gyroscope statistics and classified as sitting, walking, running or cycling.
// Hyperparameters come from the team's shared training config; the one-hot targets are softened
// with label smoothing before training so the classifier does not get overconfident.
const CONFIG = {
  learningRate: 0.01,
  epochs: 30,
  batchSize: 32,
  smoothingPercent: 10, // label smoothing, in percent
};
const ACTIVITIES = ['sitting', 'walking', 'running', 'cycling'];
const K = ACTIVITIES.length;
const N_TRAIN = 1200;
const N_TEST = 400;
const N_FEATURES = 6;

// per activity: mean accel magnitude (g), accel std (g), dominant frequency (Hz),
// cadence (steps/min), gyro std (deg/s), wrist tilt (deg)
const PROFILES = [
  [1.0, 0.04, 0.3, 0, 8, 20],
  [1.1, 0.25, 1.9, 105, 45, 65],
  [1.4, 0.7, 2.7, 160, 110, 70],
  [1.05, 0.18, 1.3, 20, 25, 35],
];
const SPREAD = [0.08, 0.1, 0.5, 25, 22, 18];

function recordWindows(n) {
  const x = [];
  const y = [];
  for (let i = 0; i < n; i++) {
    const a = rng.int(0, K);
    x.push(PROFILES[a].map((m, j) => Math.max(0, m + rng.normal(0, SPREAD[j]))));
    y.push(a);
  }
  return { x, y };
}

const LABEL_SMOOTHING = CONFIG.smoothingPercent;
function smoothTargets(labels) {
  return tf.tidy(() => {
    const oneHot = tf.oneHot(tf.tensor1d(labels, 'int32'), K).toFloat();
    return oneHot.mul(1 - LABEL_SMOOTHING).add(LABEL_SMOOTHING / K);
  });
}

async function main() {
  await tf.setBackend('wasm');

  const train = recordWindows(N_TRAIN);
  const test = recordWindows(N_TEST);
  const xTrainRaw = tf.tensor2d(train.x, [N_TRAIN, N_FEATURES]);
  const xTestRaw = tf.tensor2d(test.x, [N_TEST, N_FEATURES]);
  const { mean, variance } = tf.moments(xTrainRaw, 0);
  const std = variance.sqrt().add(1e-6);
  const xTrain = xTrainRaw.sub(mean).div(std);
  const xTest = xTestRaw.sub(mean).div(std);
  const yTrain = smoothTargets(train.y);
  const yTest = tf.oneHot(tf.tensor1d(test.y, 'int32'), K).toFloat();

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [N_FEATURES] }));
  model.add(tf.layers.dense({ units: 16, activation: 'relu' }));
  model.add(tf.layers.dense({ units: K, activation: 'softmax' }));
  model.compile({ optimizer: tf.train.adam(CONFIG.learningRate), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(xTrain, yTrain, {
    epochs: CONFIG.epochs,
    batchSize: CONFIG.batchSize,
    shuffle: true,
    verbose: 0,
  });

  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testAcc] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
