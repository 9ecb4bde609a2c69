'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(2609);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Fault diagnosis for pumps from 10 vibration statistics per measurement window (RMS, kurtosis,
// band energies, ...) in raw sensor units. Four states: healthy, imbalance, misalignment,
// bearing wear. Training streams the logged windows through model.fitDataset with a generator
// that standardizes each window with the training mean and std; the test windows are
// standardized the same way into one tensor.
const STATES = ['healthy', 'imbalance', 'misalignment', 'bearing-wear'];
const N_FEATURES = 10;
const N_TRAIN = 1024;
const N_TEST = 400;
const BATCH_SIZE = 32;

const scales = rng.array(N_FEATURES, () => rng.uniform(0.5, 20));
const offsets = rng.array(N_FEATURES, () => rng.uniform(-5, 50));
const signatures = STATES.map(() => rng.array(N_FEATURES, () => rng.normal(0, 1)));

function logWindows(n) {
  const windows = [];
  for (let i = 0; i < n; i++) {
    const state = rng.int(0, STATES.length);
    const raw = signatures[state].map((m, j) => offsets[j] + scales[j] * (m + rng.normal(0, 0.8)));
    windows.push({ raw, state });
  }
  return windows;
}

async function main() {
  await tf.setBackend('wasm');

  const train = logWindows(N_TRAIN);
  const test = logWindows(N_TEST);
  const mean = Array.from({ length: N_FEATURES }, (_, j) => train.reduce((s, w) => s + w.raw[j], 0) / N_TRAIN);
  const std = Array.from({ length: N_FEATURES }, (_, j) => Math.sqrt(train.reduce((s, w) => s + (w.raw[j] - mean[j]) ** 2, 0) / N_TRAIN));
  const oneHot = STATES.map((_, k) => STATES.map((__, c) => (c === k ? 1 : 0)));

  const trainData = tf.data.generator(function* () {
    const order = tf.util.createShuffledIndices(N_TRAIN);
    for (const i of order) {
      const features = new Float32Array(N_FEATURES);
      for (let j = 0; j < N_FEATURES; j++) features[j] = (train[i].raw[j] - mean[j]) / std[j];
      yield { xs: features, ys: oneHot[train[i].state] };
    }
  }).batch(BATCH_SIZE);
  const xTest = tf.tensor2d(test.map((w) => w.raw.map((v, j) => (v - mean[j]) / std[j])), [N_TEST, N_FEATURES]);
  const yTest = tf.tensor2d(test.map((w) => oneHot[w.state]), [N_TEST, STATES.length]);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [N_FEATURES] }));
  model.add(tf.layers.dense({ units: 32, activation: 'relu' }));
  model.add(tf.layers.dense({ units: STATES.length, activation: 'softmax' }));
  model.compile({ optimizer: tf.train.adam(0.003), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });

  const history = await model.fitDataset(trainData, { epochs: 15, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testAcc] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
