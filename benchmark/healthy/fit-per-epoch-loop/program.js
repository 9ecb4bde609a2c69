'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(4242);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// One fit call per epoch inside a loop that checks held-out accuracy itself and stops at a
// target, as tfjs-examples addition-rnn and many hand-written training scripts do.
// Task: 3 classes from 6 standardized features (class = which of three linear scores is largest).
const FEATURES = 6;
const directions = rng.array(3, () => rng.array(FEATURES, () => rng.normal(0, 1)));

function makeSet(n) {
  const rows = [];
  const labels = [];
  for (let i = 0; i < n; i++) {
    const row = rng.array(FEATURES, () => rng.normal(0, 1));
    const scores = directions.map((d) => d.reduce((s, w, j) => s + w * row[j], 0) + rng.normal(0, 0.3));
    const label = scores.indexOf(Math.max(...scores));
    rows.push(row);
    labels.push([0, 1, 2].map((c) => (c === label ? 1 : 0)));
  }
  return { rows, labels };
}

async function main() {
  await tf.setBackend('wasm');
  const train = makeSet(1000);
  const test = makeSet(300);
  const xTrain = tf.tensor2d(train.rows, [1000, FEATURES]);
  const yTrain = tf.tensor2d(train.labels, [1000, 3]);
  const xTest = tf.tensor2d(test.rows, [300, FEATURES]);
  const yTest = tf.tensor2d(test.labels, [300, 3]);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 24, activation: 'relu', inputShape: [FEATURES] }));
  model.add(tf.layers.dense({ units: 3, activation: 'softmax' }));
  model.compile({ optimizer: tf.train.adam(0.005), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });

  const losses = [];
  let testAcc = 0;
  let epoch = 0;
  for (; epoch < 40 && testAcc < 0.9; epoch++) {
    const history = await model.fit(xTrain, yTrain, { epochs: 1, batchSize: 32, verbose: 0 });
    losses.push(history.history.loss[0]);
    testAcc = model.evaluate(xTest, yTest)[1].dataSync()[0];
  }
  console.log(`loss ${losses[0].toFixed(3)} -> ${losses[losses.length - 1].toFixed(3)} | held-out accuracy ${testAcc.toFixed(3)} after ${epoch} fit calls`);
}

main();
