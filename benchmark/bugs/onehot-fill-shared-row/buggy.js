'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(5821);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Activity recognition from wrist-sensor summaries: each window of readings is reduced to
// 6 features (mean/std of acceleration, mean/std of gyro, step rate, tilt) and labelled as
// one of 4 activities (sitting, walking, running, cycling).
const ACTIVITIES = ['sitting', 'walking', 'running', 'cycling'];
const NUM_FEATURES = 6;

// Typical feature values per activity; real windows scatter around them.
const profiles = [
  [0.1, 0.05, 0.2, 0.1, 0.0, 0.2],
  [1.0, 0.4, 0.8, 0.5, 1.8, 0.9],
  [2.2, 1.1, 1.6, 1.2, 2.8, 1.1],
  [1.2, 0.3, 2.0, 0.4, 0.4, 0.6],
];

function sampleWindows(n) {
  const features = [];
  const classes = [];
  for (let i = 0; i < n; i++) {
    const c = rng.int(0, ACTIVITIES.length);
    features.push(profiles[c].map((v) => v + rng.normal(0, 0.35)));
    classes.push(c);
  }
  return { features, classes };
}

function toOneHot(classes, numClasses) {
  const labels = new Array(classes.length).fill(new Array(numClasses).fill(0));
  classes.forEach((c, i) => {
    labels[i][c] = 1;
  });
  return labels;
}

function accuracy(model, xs, classes) {
  const predicted = tf.tidy(() => model.predict(xs).argMax(-1).arraySync());
  return predicted.filter((p, i) => p === classes[i]).length / classes.length;
}

async function main() {
  await tf.setBackend('wasm');

  const train = sampleWindows(800);
  const test = sampleWindows(300);
  const xTrain = tf.tensor2d(train.features);
  const yTrain = tf.tensor2d(toOneHot(train.classes, ACTIVITIES.length));
  const xTest = tf.tensor2d(test.features);
  const yTest = tf.tensor2d(toOneHot(test.classes, ACTIVITIES.length));

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 24, activation: 'relu', inputShape: [NUM_FEATURES] }));
  model.add(tf.layers.dense({ units: 24, activation: 'relu' }));
  model.add(tf.layers.dense({ units: ACTIVITIES.length, activation: 'softmax' }));
  model.compile({ optimizer: tf.train.adam(0.01), loss: 'categoricalCrossentropy' });

  const history = await model.fit(xTrain, yTrain, { epochs: 25, batchSize: 32, shuffle: true, verbose: 0 });

  const losses = history.history.loss;
  const testLoss = model.evaluate(xTest, yTest).dataSync()[0];
  const trainAcc = accuracy(model, xTrain, train.classes);
  const testAcc = accuracy(model, xTest, test.classes);
  console.log(`loss ${losses[0].toFixed(3)} -> ${losses[losses.length - 1].toFixed(3)} acc ${trainAcc.toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
