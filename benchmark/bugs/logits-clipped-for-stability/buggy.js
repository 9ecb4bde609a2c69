'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(9572);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Activity recognition from wrist-sensor windows: 12 summary statistics per 2-second window
// (mean, std and peak of the accelerometer and gyroscope magnitudes, step cadence, ...) and
// five activities. Features are standardized with the training statistics; an MLP produces the
// class logits and is trained with softmax cross-entropy in a custom mini-batch loop.
const ACTIVITIES = ['sitting', 'standing', 'walking', 'running', 'cycling'];
const NUM_CLASSES = ACTIVITIES.length;
const NUM_FEATURES = 12;
const N_TRAIN = 2000;
const N_TEST = 800;
const BATCH = 64;
const EPOCHS = 30;

// typical sensor profile of each activity for each way of wearing the watch (tight or loose,
// left or right wrist)
const WEARING_STYLES = 4;
const profiles = ACTIVITIES.map(() => rng.array(WEARING_STYLES, () => rng.array(NUM_FEATURES, () => rng.uniform(0.5, 3))));

function recordWindows(n) {
  const xs = [];
  const ys = [];
  for (let i = 0; i < n; i++) {
    const c = rng.int(0, NUM_CLASSES);
    const intensity = rng.uniform(0.7, 1.3);
    const profile = profiles[c][rng.int(0, WEARING_STYLES)];
    xs.push(profile.map((p) => p * intensity + rng.normal(0, 0.5)));
    ys.push(c);
  }
  return { xs, ys };
}

// class logits from the network
function forward(model, x) {
  return tf.clipByValue(model.predict(x), 0, 1); // keep the logits bounded so exp() in the softmax cannot overflow
}

function accuracy(model, x, labels) {
  return tf.tidy(() => forward(model, x).argMax(-1).equal(labels).cast('float32').mean().dataSync()[0]);
}

async function main() {
  await tf.setBackend('wasm');

  const train = recordWindows(N_TRAIN);
  const test = recordWindows(N_TEST);
  const xTrainRaw = tf.tensor2d(train.xs, [N_TRAIN, NUM_FEATURES]);
  const { mean, variance } = tf.moments(xTrainRaw, 0);
  const std = variance.sqrt().add(1e-6);
  const xTrain = xTrainRaw.sub(mean).div(std);
  const xTest = tf.tensor2d(test.xs, [N_TEST, NUM_FEATURES]).sub(mean).div(std);
  const yTrain = tf.oneHot(tf.tensor1d(train.ys, 'int32'), NUM_CLASSES).cast('float32');
  const trainLabels = tf.tensor1d(train.ys, 'int32');
  const testLabels = tf.tensor1d(test.ys, 'int32');

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [NUM_FEATURES] }));
  model.add(tf.layers.dense({ units: 32, activation: 'relu' }));
  model.add(tf.layers.dense({ units: NUM_CLASSES }));

  const optimizer = tf.train.adam(0.01);
  const losses = [];
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    const order = tf.util.createShuffledIndices(N_TRAIN);
    let epochLoss = 0;
    let batches = 0;
    for (let start = 0; start < N_TRAIN; start += BATCH) {
      const idx = tf.tensor1d(Int32Array.from(order.slice(start, start + BATCH)));
      const cost = tf.tidy(() => {
        const xb = tf.gather(xTrain, idx);
        const yb = tf.gather(yTrain, idx);
        return optimizer.minimize(() => tf.losses.softmaxCrossEntropy(yb, forward(model, xb)), true);
      });
      epochLoss += cost.dataSync()[0];
      batches++;
      cost.dispose();
      idx.dispose();
    }
    losses.push(epochLoss / batches);
  }

  const trainAcc = accuracy(model, xTrain, trainLabels);
  const testAcc = accuracy(model, xTest, testLabels);
  const testLoss = tf.tidy(() => tf.losses.softmaxCrossEntropy(tf.oneHot(testLabels, NUM_CLASSES), forward(model, xTest)).dataSync()[0]);
  console.log(`loss ${losses[0].toFixed(3)} -> ${losses[losses.length - 1].toFixed(3)} train acc ${trainAcc.toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
