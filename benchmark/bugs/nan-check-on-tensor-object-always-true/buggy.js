'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(9667);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Activity recognition from a wrist sensor: every 2.5 s window of accelerometer data is summarized
// into 8 features (mean and spread of the magnitude, dominant frequency, its power, vertical
// share, jerk, tilt and zero crossings) and classified as sitting, walking, running or cycling.
// Trained with a hand-written loop so that a diverging run is stopped early instead of wasting
// the remaining epochs.
const ACTIVITIES = ['sitting', 'walking', 'running', 'cycling'];
const NUM_CLASSES = ACTIVITIES.length;
const NUM_FEATURES = 8;
const N_TRAIN = 1600;
const N_TEST = 400;
const EPOCHS = 30;
const BATCH_SIZE = 32;

// per activity: mean and spread of each feature in physical units
const PROFILES = [
  { mean: [1.0, 0.03, 0.3, 0.02, 0.30, 0.2, 70, 3], std: [0.02, 0.02, 0.3, 0.02, 0.15, 0.1, 12, 2] },
  { mean: [1.15, 0.35, 1.9, 0.6, 0.65, 4.5, 80, 14], std: [0.06, 0.1, 0.25, 0.2, 0.1, 1.5, 8, 4] },
  { mean: [1.6, 0.9, 2.8, 1.8, 0.75, 12, 78, 22], std: [0.15, 0.25, 0.3, 0.5, 0.08, 3.5, 8, 5] },
  { mean: [1.1, 0.25, 1.3, 0.4, 0.35, 3.0, 55, 10], std: [0.06, 0.1, 0.3, 0.15, 0.12, 1.2, 10, 4] },
];

function recordWindows(n) {
  const xs = [];
  const labels = [];
  for (let i = 0; i < n; i++) {
    const c = rng.int(0, NUM_CLASSES);
    const { mean, std } = PROFILES[c];
    xs.push(mean.map((m, j) => rng.normal(m, std[j] * 1.6)));
    labels.push(c);
  }
  return { xs, labels };
}

async function main() {
  await tf.setBackend('wasm');

  const train = recordWindows(N_TRAIN);
  const test = recordWindows(N_TEST);
  const xTrainRaw = tf.tensor2d(train.xs, [N_TRAIN, NUM_FEATURES]);
  const xTestRaw = tf.tensor2d(test.xs, [N_TEST, NUM_FEATURES]);
  const { mean, variance } = tf.moments(xTrainRaw, 0);
  const std = variance.sqrt().add(1e-6);
  const xTrain = xTrainRaw.sub(mean).div(std);
  const xTest = xTestRaw.sub(mean).div(std);
  const yTrain = tf.oneHot(tf.tensor1d(train.labels, 'int32'), NUM_CLASSES).toFloat();
  const yTest = tf.oneHot(tf.tensor1d(test.labels, 'int32'), NUM_CLASSES).toFloat();

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [NUM_FEATURES] }));
  model.add(tf.layers.dense({ units: 16, activation: 'relu' }));
  model.add(tf.layers.dense({ units: NUM_CLASSES, activation: 'softmax' }));
  const optimizer = tf.train.adam(0.005);
  const trainLoss = () => tf.tidy(() => tf.metrics.categoricalCrossentropy(yTrain, model.predict(xTrain)).mean().dataSync()[0]);
  const accuracy = (x, y) => tf.tidy(() => tf.metrics.categoricalAccuracy(y, model.predict(x)).mean().dataSync()[0]);

  const initialLoss = trainLoss();
  const order = Array.from({ length: N_TRAIN }, (_, i) => i);
  let epochsRun = 0;
  let steps = 0;
  let stopped = false;
  for (let epoch = 0; epoch < EPOCHS && !stopped; epoch++) {
    tf.util.shuffle(order);
    for (let start = 0; start < N_TRAIN; start += BATCH_SIZE) {
      const idx = tf.tensor1d(order.slice(start, start + BATCH_SIZE), 'int32');
      const xb = xTrain.gather(idx);
      const yb = yTrain.gather(idx);
      const loss = optimizer.minimize(() => tf.metrics.categoricalCrossentropy(yb, model.predict(xb)).mean(), true);
      tf.dispose([idx, xb, yb]);
      steps++;
      // a diverged run only produces garbage from here on
      if (isNaN(loss)) {
        console.warn(`loss is NaN at epoch ${epoch + 1}, step ${steps}; stopping training`);
        loss.dispose();
        stopped = true;
        break;
      }
      loss.dispose();
    }
    epochsRun++;
  }

  const finalLoss = trainLoss();
  console.log(`${epochsRun} epochs, ${steps} steps: train loss ${initialLoss.toFixed(3)} -> ${finalLoss.toFixed(3)} train acc ${accuracy(xTrain, yTrain).toFixed(3)} | test acc ${accuracy(xTest, yTest).toFixed(3)}`);
}

main();
