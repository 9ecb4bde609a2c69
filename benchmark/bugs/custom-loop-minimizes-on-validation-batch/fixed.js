'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(9701);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Human activity recognition from a phone's motion sensors: each 2.5 s window is summarised by 24
// features (mean, std, min, max of the accelerometer and gyroscope along x, y, z) and labelled with
// one of 6 activities. The phone is carried in one of four ways (hand, trouser pocket, jacket,
// bag), which moves the features around. A small MLP is trained with a hand-written mini-batch
// loop and a small validation split is checked after every epoch; a test set from other
// recording sessions is scored at the end.
const ACTIVITIES = ['walking', 'upstairs', 'downstairs', 'sitting', 'standing', 'lying'];
const N_CLASSES = ACTIVITIES.length;
const N_FEATURES = 24;
const PLACEMENTS = 4;
const N_TRAIN = 1800;
const N_VAL = 60;
const N_TEST = 600;
const BATCH = 60;
const EPOCHS = 25;

// per-feature scale (g for the accelerometer, rad/s for the gyroscope)
const SCALE = rng.array(N_FEATURES, (j) => (j < 12 ? 0.6 : 2.0));
const CENTRES = rng.array(N_CLASSES * PLACEMENTS, () => rng.array(N_FEATURES, (j) => rng.normal(0, SCALE[j])));

function recordWindows(n) {
  const xs = [];
  const labels = [];
  for (let i = 0; i < n; i++) {
    const activity = rng.int(0, N_CLASSES);
    const placement = rng.int(0, PLACEMENTS);
    const centre = CENTRES[activity * PLACEMENTS + placement];
    xs.push(centre.map((c, j) => c + rng.normal(0, 1.1 * SCALE[j])));
    labels.push(activity);
  }
  return { xs, labels };
}

async function main() {
  await tf.setBackend('wasm');

  const train = recordWindows(N_TRAIN);
  const val = recordWindows(N_VAL);
  const test = recordWindows(N_TEST);
  const xTrainRaw = tf.tensor2d(train.xs, [N_TRAIN, N_FEATURES]);
  const yTrain = tf.oneHot(tf.tensor1d(train.labels, 'int32'), N_CLASSES).toFloat();
  const xValRaw = tf.tensor2d(val.xs, [N_VAL, N_FEATURES]);
  const yVal = tf.oneHot(tf.tensor1d(val.labels, 'int32'), N_CLASSES).toFloat();
  const xTestRaw = tf.tensor2d(test.xs, [N_TEST, N_FEATURES]);
  const yTestLabels = tf.tensor1d(test.labels, 'int32');

  const { mean, variance } = tf.moments(xTrainRaw, 0);
  const std = variance.sqrt().add(1e-6);
  const xTrain = xTrainRaw.sub(mean).div(std);
  const xVal = xValRaw.sub(mean).div(std);
  const xTest = xTestRaw.sub(mean).div(std);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 64, activation: 'relu', inputShape: [N_FEATURES] }));
  model.add(tf.layers.dense({ units: 32, activation: 'relu' }));
  model.add(tf.layers.dense({ units: N_CLASSES }));
  const optimizer = tf.train.adam(0.003);

  const trainLosses = [];
  const valLosses = [];
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    let epochLoss = 0;
    for (let start = 0; start < N_TRAIN; start += BATCH) {
      const cost = tf.tidy(() => {
        const xb = xTrain.slice([start, 0], [BATCH, N_FEATURES]);
        const yb = yTrain.slice([start, 0], [BATCH, N_CLASSES]);
        return optimizer.minimize(() => tf.losses.softmaxCrossEntropy(yb, model.apply(xb)), true);
      });
      epochLoss += cost.dataSync()[0] / (N_TRAIN / BATCH);
      cost.dispose();
    }
    trainLosses.push(epochLoss);

    // validation after every epoch
    const valLoss = tf.tidy(() => tf.losses.softmaxCrossEntropy(yVal, model.predict(xVal)).dataSync()[0]);
    valLosses.push(valLoss);
  }

  const accuracy = (x, labels) => tf.tidy(() => model.predict(x).argMax(-1).equal(labels).mean().dataSync()[0]);
  const valAcc = accuracy(xVal, yVal.argMax(-1));
  const testAcc = accuracy(xTest, yTestLabels);
  const last = EPOCHS - 1;
  console.log(`train loss ${trainLosses[0].toFixed(3)} -> ${trainLosses[last].toFixed(3)} | val loss ${valLosses[0].toFixed(3)} -> ${valLosses[last].toFixed(3)} val acc ${valAcc.toFixed(3)} | test acc ${testAcc.toFixed(3)}`);
}

main();
