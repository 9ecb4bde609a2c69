'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(6707);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Rare-event detection (e.g. fraud) on 10 standardized features: a row is positive when a noisy
// linear-plus-interaction risk score exceeds a threshold that leaves about 5 % positives.
// The minority class is up-weighted 10x through fit's classWeight.
const FEATURES = 10;
const weights = rng.array(FEATURES, (j) => (j < 6 ? rng.normal(0, 1) : 0));
const THRESHOLD = 2.7;

function makeSet(n) {
  const rows = [];
  const labels = [];
  for (let i = 0; i < n; i++) {
    const x = rng.array(FEATURES, () => rng.normal(0, 1));
    const risk = x.reduce((s, v, j) => s + v * weights[j], 0) / 1.5 + 0.6 * x[0] * x[1] + rng.normal(0, 0.3);
    rows.push(x);
    labels.push(risk > THRESHOLD ? 1 : 0);
  }
  return { rows, labels };
}

async function main() {
  await tf.setBackend('wasm');
  const NTRAIN = 4000;
  const NTEST = 2000;
  const train = makeSet(NTRAIN);
  const test = makeSet(NTEST);
  const xTrain = tf.tensor2d(train.rows, [NTRAIN, FEATURES]);
  const yTrain = tf.tensor2d(train.labels, [NTRAIN, 1]);
  const xTest = tf.tensor2d(test.rows, [NTEST, FEATURES]);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 16, activation: 'relu', inputShape: [FEATURES] }));
  model.add(tf.layers.dense({ units: 1, activation: 'sigmoid' }));

  model.compile({ optimizer: tf.train.adam(0.005), loss: 'binaryCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(xTrain, yTrain, { epochs: 30, batchSize: 64, classWeight: { 0: 1, 1: 10 }, verbose: 0 });

  const losses = history.history.loss;
  const probs = model.predict(xTest).dataSync();
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let correct = 0;
  for (let i = 0; i < NTEST; i++) {
    const pred = probs[i] >= 0.5 ? 1 : 0;
    const label = test.labels[i];
    if (pred === label) correct++;
    if (pred === 1 && label === 1) tp++;
    if (pred === 1 && label === 0) fp++;
    if (pred === 0 && label === 1) fn++;
  }
  const share = (labels) => labels.reduce((a, b) => a + b, 0) / labels.length;
  console.log(`positives train ${(100 * share(train.labels)).toFixed(1)} % test ${(100 * share(test.labels)).toFixed(1)} % | weighted loss ${losses[0].toFixed(3)} -> ${losses[losses.length - 1].toFixed(3)} | held-out accuracy ${(correct / NTEST).toFixed(3)} minority recall ${(tp / (tp + fn)).toFixed(3)} (${tp}/${tp + fn}) precision ${(tp / Math.max(1, tp + fp)).toFixed(3)} after ${losses.length} epochs`);
}

main();
