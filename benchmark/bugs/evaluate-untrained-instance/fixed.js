'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(8842);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Condition monitoring for water pumps: classify each one-minute window of 10 standardized sensor
// statistics (vibration RMS and peaks, bearing temperature, motor current, pressure ripple, ...)
// as normal / bearing wear / cavitation / misalignment. Each condition shifts the statistics in
// its own way; windows of the same condition scatter around it. Small MLP with model.fit.
const CONDITIONS = ['normal', 'bearing wear', 'cavitation', 'misalignment'];
const N_FEATURES = 10;
const N_TRAIN = 1000;
const N_TEST = 400;
const EPOCHS = 20;
const BATCH_SIZE = 32;

const signatures = CONDITIONS.map(() => rng.array(N_FEATURES, () => rng.normal(0, 1)));

function makeWindows(n) {
  const xs = [];
  const labels = [];
  for (let i = 0; i < n; i++) {
    const c = rng.int(0, CONDITIONS.length);
    xs.push(signatures[c].map((m) => m + rng.normal(0, 0.8)));
    labels.push(c);
  }
  return { xs, labels };
}

function buildModel() {
  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [N_FEATURES] }));
  model.add(tf.layers.dense({ units: 16, activation: 'relu' }));
  model.add(tf.layers.dense({ units: CONDITIONS.length, activation: 'softmax' }));
  model.compile({ optimizer: tf.train.adam(0.005), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });
  return model;
}

async function train(model, xs, ys) {
  return model.fit(xs, ys, { epochs: EPOCHS, batchSize: BATCH_SIZE, shuffle: true, verbose: 0 });
}

async function main() {
  await tf.setBackend('wasm');

  const trainSet = makeWindows(N_TRAIN);
  const testSet = makeWindows(N_TEST);
  const xTrain = tf.tensor2d(trainSet.xs, [N_TRAIN, N_FEATURES]);
  const yTrain = tf.oneHot(tf.tensor1d(trainSet.labels, 'int32'), CONDITIONS.length).toFloat();
  const xTest = tf.tensor2d(testSet.xs, [N_TEST, N_FEATURES]);
  const yTest = tf.oneHot(tf.tensor1d(testSet.labels, 'int32'), CONDITIONS.length).toFloat();

  const model = buildModel();
  const history = await train(model, xTrain, yTrain);

  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testAcc] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
