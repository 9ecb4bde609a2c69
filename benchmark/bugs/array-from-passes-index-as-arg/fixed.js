'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(6417);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Fault diagnosis of an electric motor from 16 standardized vibration-spectrum band energies
// (healthy / bearing wear / misalignment / imbalance / loose mount). Each condition has its own
// spectral profile and measurements scatter around it. The training set is small, so every epoch
// sees a freshly jittered copy of it (small Gaussian noise added to each reading).
const CONDITIONS = ['healthy', 'bearing', 'misalignment', 'imbalance', 'loose'];
const N_FEATURES = 16;
const N_TRAIN = 600;
const N_TEST = 400;
const EPOCHS = 40;
const BATCH_SIZE = 32;

const profiles = CONDITIONS.map(() => rng.array(N_FEATURES, () => rng.normal(0, 1)));

function makeMeasurements(n) {
  const xs = [];
  const labels = [];
  for (let i = 0; i < n; i++) {
    const c = rng.int(0, CONDITIONS.length);
    xs.push(profiles[c].map((m) => m + rng.normal(0, 1)));
    labels.push(c);
  }
  return { xs, labels };
}

function gaussian(mean = 0, std = 0.05) {
  return rng.normal(mean, std);
}

function jitter(rows) {
  return rows.map((row) => {
    const noise = Array.from({ length: N_FEATURES }, () => gaussian());
    return row.map((v, j) => v + noise[j]);
  });
}

async function main() {
  await tf.setBackend('wasm');

  const train = makeMeasurements(N_TRAIN);
  const test = makeMeasurements(N_TEST);
  const xTrain = tf.tensor2d(train.xs, [N_TRAIN, N_FEATURES]);
  const yTrain = tf.oneHot(tf.tensor1d(train.labels, 'int32'), CONDITIONS.length).toFloat();
  const xTest = tf.tensor2d(test.xs, [N_TEST, N_FEATURES]);
  const yTest = tf.oneHot(tf.tensor1d(test.labels, 'int32'), CONDITIONS.length).toFloat();

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [N_FEATURES] }));
  model.add(tf.layers.dense({ units: 32, activation: 'relu' }));
  model.add(tf.layers.dense({ units: CONDITIONS.length, activation: 'softmax' }));
  model.compile({ optimizer: tf.train.adam(0.003), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });

  const losses = [];
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    const xAug = tf.tensor2d(jitter(train.xs), [N_TRAIN, N_FEATURES]);
    const history = await model.fit(xAug, yTrain, { epochs: 1, batchSize: BATCH_SIZE, shuffle: true, verbose: 0 });
    losses.push(history.history.loss[0]);
    xAug.dispose();
  }

  const [trainLoss, trainAcc] = model.evaluate(xTrain, yTrain).map((t) => t.dataSync()[0]);
  const [testLoss, testAcc] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  console.log(`aug loss ${losses[0].toFixed(3)} -> ${losses[losses.length - 1].toFixed(3)} | train loss ${trainLoss.toFixed(3)} train acc ${trainAcc.toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
