'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(9638);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Activity recognition from a wrist-worn sensor: each 2-second window is summarized into a few
// statistics (mean and spread of the acceleration magnitude, dominant frequency, wrist tilt,
// gyroscope spread, step cadence) and classified as sitting, walking, running, cycling or
// climbing stairs. An MLP is trained for up to 50 epochs with a small early-stopping callback of
// our own, and scored on windows recorded from other participants.
const ACTIVITIES = ['sitting', 'walking', 'running', 'cycling', 'stairs'];
const NUM_CLASSES = ACTIVITIES.length;
const NUM_FEATURES = 6;
const N_TRAIN = 2500;
const N_TEST = 1000;
const EPOCHS = 50;
const PATIENCE = 5;
const MIN_DELTA = 1e-3;

// per activity: [mean |a| (g), std |a| (g), dominant freq (Hz), tilt (deg), gyro std (deg/s), cadence (steps/min)]
const PROFILES = [
  [1.0, 0.05, 0.3, 60, 8, 0],
  [1.1, 0.3, 1.8, 20, 60, 105],
  [1.5, 0.9, 2.8, 25, 150, 165],
  [1.05, 0.2, 1.4, 45, 35, 0],
  [1.15, 0.38, 1.6, 22, 75, 85],
];
const SPREAD = [0.08, 0.12, 0.45, 14, 25, 25];

function recordWindows(n) {
  const xs = [];
  const ys = [];
  for (let i = 0; i < n; i++) {
    const label = rng.int(0, NUM_CLASSES);
    const wearer = rng.normal(1, 0.15); // how vigorously this participant moves
    xs.push(PROFILES[label].map((mu, j) => {
      const v = (j === 1 || j === 4 ? mu * wearer : mu) + rng.normal(0, SPREAD[j]);
      return j === 3 ? v : Math.max(v, 0);
    }));
    ys.push(label);
  }
  return { xs, ys };
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
  const yTrain = tf.oneHot(tf.tensor1d(train.ys, 'int32'), NUM_CLASSES);
  const yTest = tf.oneHot(tf.tensor1d(test.ys, 'int32'), NUM_CLASSES);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [NUM_FEATURES] }));
  model.add(tf.layers.dense({ units: 16, activation: 'relu' }));
  model.add(tf.layers.dense({ units: NUM_CLASSES, activation: 'softmax' }));
  model.compile({ optimizer: tf.train.adam(0.001), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });

  // stop once the loss has not improved by MIN_DELTA for PATIENCE checks in a row
  let bestLoss = Infinity;
  let badChecks = 0;
  const earlyStopping = {
    onEpochEnd: async (epoch, logs) => {
      const current = logs.val_loss;
      if (current < bestLoss - MIN_DELTA) {
        bestLoss = current;
        badChecks = 0;
      } else if (++badChecks >= PATIENCE) {
        model.stopTraining = true;
      }
    },
  };

  const history = await model.fit(xTrain, yTrain, {
    epochs: EPOCHS,
    batchSize: 32,
    validationSplit: 0.2,
    shuffle: true,
    verbose: 0,
    callbacks: [earlyStopping],
  });

  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testAcc] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  const valAcc = h.val_acc ? h.val_acc[h.val_acc.length - 1].toFixed(3) : 'n/a';
  console.log(`epochs run ${h.loss.length}/${EPOCHS} | loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} val acc ${valAcc} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
