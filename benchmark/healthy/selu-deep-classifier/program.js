'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(7707);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Self-normalizing network: a deep SELU MLP with LeCun-normal initialization on standardized
// inputs. Five classes, each a mixture of two Gaussian blobs in 8 raw features whose units differ
// (offsets and scales from ~0.1 to ~100), so the inputs must be standardized first.
const NUM_FEATURES = 8;
const NUM_CLASSES = 5;
const SCALES = [0.1, 1, 5, 20, 100, 2, 0.5, 50];
const OFFSETS = [1, -3, 40, 200, 1000, 0, 5, -300];
const CENTERS = [];
for (let c = 0; c < NUM_CLASSES; c++) {
  CENTERS.push([0, 1].map(() => rng.array(NUM_FEATURES, () => rng.normal(0, 1.6))));
}

function makeSet(perClass) {
  const rows = [];
  for (let label = 0; label < NUM_CLASSES; label++) {
    for (let i = 0; i < perClass; i++) {
      const center = CENTERS[label][rng.int(0, 2)];
      const z = center.map((m) => m + rng.normal(0, 1));
      rows.push({ features: z.map((v, j) => OFFSETS[j] + SCALES[j] * v), label });
    }
  }
  tf.util.shuffle(rows);
  return {
    xs: rows.map((r) => r.features),
    ys: rows.map((r) => rng.array(NUM_CLASSES, (k) => (k === r.label ? 1 : 0))),
    labels: rows.map((r) => r.label),
  };
}

function standardize(xs, mean, std) {
  return xs.map((row) => row.map((v, j) => (v - mean[j]) / std[j]));
}

async function main() {
  await tf.setBackend('wasm');
  const train = makeSet(300);
  const test = makeSet(100);
  const mean = rng.array(NUM_FEATURES, (j) => train.xs.reduce((s, r) => s + r[j], 0) / train.xs.length);
  const std = rng.array(NUM_FEATURES, (j) => Math.sqrt(train.xs.reduce((s, r) => s + (r[j] - mean[j]) ** 2, 0) / train.xs.length));
  const xTrain = tf.tensor2d(standardize(train.xs, mean, std), [train.xs.length, NUM_FEATURES]);
  const yTrain = tf.tensor2d(train.ys, [train.ys.length, NUM_CLASSES]);
  const xTest = tf.tensor2d(standardize(test.xs, mean, std), [test.xs.length, NUM_FEATURES]);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 64, activation: 'selu', kernelInitializer: 'leCunNormal', inputShape: [NUM_FEATURES] }));
  model.add(tf.layers.dense({ units: 64, activation: 'selu', kernelInitializer: 'leCunNormal' }));
  model.add(tf.layers.dense({ units: 64, activation: 'selu', kernelInitializer: 'leCunNormal' }));
  model.add(tf.layers.dense({ units: 64, activation: 'selu', kernelInitializer: 'leCunNormal' }));
  model.add(tf.layers.dense({ units: 64, activation: 'selu', kernelInitializer: 'leCunNormal' }));
  model.add(tf.layers.dense({ units: 64, activation: 'selu', kernelInitializer: 'leCunNormal' }));
  model.add(tf.layers.dense({ units: 64, activation: 'selu', kernelInitializer: 'leCunNormal' }));
  model.add(tf.layers.dense({ units: NUM_CLASSES, activation: 'softmax' }));

  const optimizer = tf.train.adam(0.001);
  model.compile({ optimizer, loss: 'categoricalCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(xTrain, yTrain, { epochs: 30, batchSize: 32, validationSplit: 0.2, verbose: 0 });

  const losses = history.history.loss;
  const last = losses.length - 1;
  const predicted = model.predict(xTest).argMax(-1).dataSync();
  const correct = test.labels.filter((label, i) => predicted[i] === label).length;
  console.log(`loss ${losses[0].toFixed(3)} -> ${losses[last].toFixed(3)} | val_loss ${history.history.val_loss[last].toFixed(3)} val_acc ${history.history.val_acc[last].toFixed(3)} | held-out accuracy ${(correct / test.labels.length).toFixed(3)} (${correct}/${test.labels.length}) after ${losses.length} epochs`);
}

main();
