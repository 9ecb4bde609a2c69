'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(6606);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Synthetic UCI wine: three cultivars, 13 chemical measurements drawn from per-class means and
// standard deviations close to the real data set's. Features are standardized with the training
// set's statistics. Momentum SGD with a step-decay learning-rate schedule set from a callback.
const CLASS_STATS = [
  { mean: [13.74, 2.01, 2.46, 17.04, 106.3, 2.84, 2.98, 0.29, 1.90, 5.53, 1.06, 3.16, 1116], std: [0.46, 0.69, 0.23, 2.55, 10.5, 0.34, 0.40, 0.07, 0.41, 1.24, 0.12, 0.36, 221] },
  { mean: [12.28, 1.93, 2.24, 20.24, 94.5, 2.26, 2.08, 0.36, 1.63, 3.09, 1.06, 2.79, 520], std: [0.54, 1.02, 0.32, 3.35, 16.8, 0.55, 0.71, 0.12, 0.60, 0.92, 0.20, 0.50, 157] },
  { mean: [13.15, 3.33, 2.44, 21.42, 99.3, 1.68, 0.78, 0.45, 1.15, 7.40, 0.68, 1.68, 630], std: [0.53, 1.09, 0.18, 2.26, 10.9, 0.36, 0.29, 0.12, 0.41, 2.31, 0.11, 0.27, 115] },
];
const CLASSES = 3;
const FEATURES = 13;

function makeSet(perClass) {
  const rows = [];
  for (let label = 0; label < CLASSES; label++) {
    const { mean, std } = CLASS_STATS[label];
    for (let i = 0; i < perClass; i++) rows.push({ x: mean.map((m, j) => Math.max(0.01, m + rng.normal(0, std[j]))), label });
  }
  tf.util.shuffle(rows);
  return { xs: rows.map((r) => r.x), labels: rows.map((r) => r.label) };
}

function standardize(xs, mu, sigma) {
  return xs.map((x) => x.map((v, j) => (v - mu[j]) / sigma[j]));
}

const oneHot = (labels) => labels.map((l) => Array.from({ length: CLASSES }, (_, j) => (j === l ? 1 : 0)));

async function main() {
  await tf.setBackend('wasm');
  const train = makeSet(60);
  const test = makeSet(40);
  const n = train.xs.length;
  const mu = Array.from({ length: FEATURES }, (_, j) => train.xs.reduce((s, x) => s + x[j], 0) / n);
  const sigma = Array.from({ length: FEATURES }, (_, j) => Math.sqrt(train.xs.reduce((s, x) => s + (x[j] - mu[j]) ** 2, 0) / n));
  const xTrain = tf.tensor2d(standardize(train.xs, mu, sigma), [n, FEATURES]);
  const yTrain = tf.tensor2d(oneHot(train.labels), [n, CLASSES]);
  const xTest = tf.tensor2d(standardize(test.xs, mu, sigma), [test.xs.length, FEATURES]);
  const yTest = tf.tensor2d(oneHot(test.labels), [test.xs.length, CLASSES]);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 16, activation: 'relu', inputShape: [FEATURES] }));
  model.add(tf.layers.dense({ units: CLASSES, activation: 'softmax' }));

  const INITIAL_LR = 0.05;
  const optimizer = tf.train.momentum(INITIAL_LR, 0.9);
  model.compile({ optimizer, loss: 'categoricalCrossentropy', metrics: ['accuracy'] });

  // Step decay: halve the learning rate every 4 epochs. SGD-family optimizers in tfjs cache the
  // rate as a tensor, so it must be changed with setLearningRate (assigning .learningRate is
  // silently ignored by the update).
  const DROP = 0.5;
  const EPOCHS_PER_DROP = 4;
  const lrHistory = [];
  const stepDecay = {
    onEpochEnd: async (epoch) => {
      const lr = INITIAL_LR * DROP ** Math.floor((epoch + 1) / EPOCHS_PER_DROP);
      model.optimizer.setLearningRate(lr);
      lrHistory.push(lr);
    },
  };

  const history = await model.fit(xTrain, yTrain, { epochs: 20, batchSize: 16, validationData: [xTest, yTest], callbacks: stepDecay, verbose: 0 });

  const losses = history.history.loss;
  const last = losses.length - 1;
  const [testLoss, testAcc] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  console.log(`lr ${INITIAL_LR} -> ${model.optimizer.learningRate} (${[...new Set(lrHistory)].join(', ')}) | loss ${losses[0].toFixed(3)} -> ${losses[last].toFixed(3)} | held-out loss ${testLoss.toFixed(3)} accuracy ${testAcc.toFixed(3)} after ${last + 1} epochs`);
}

main();
