'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(8010);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Smooth nonlinear regression on inputs already scaled to [-1, 1], fitted by a tanh MLP with
// SGD + momentum on the mean absolute error.
const NUM_FEATURES = 3;

function target(x) {
  return Math.sin(2 * x[0]) + 0.5 * x[1] * x[2] + 0.3 * x[2] * x[2];
}

function makeSet(n) {
  const xs = [];
  const ys = [];
  for (let i = 0; i < n; i++) {
    const x = rng.array(NUM_FEATURES, () => rng.uniform(-1, 1));
    xs.push(x);
    ys.push(target(x) + rng.normal(0, 0.05));
  }
  return { xs, ys };
}

function median(values) {
  const s = [...values].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

async function main() {
  await tf.setBackend('wasm');
  const train = makeSet(1000);
  const test = makeSet(400);
  const xTrain = tf.tensor2d(train.xs, [train.xs.length, NUM_FEATURES]);
  const yTrain = tf.tensor2d(train.ys, [train.ys.length, 1]);
  const xTest = tf.tensor2d(test.xs, [test.xs.length, NUM_FEATURES]);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'tanh', inputShape: [NUM_FEATURES] }));
  model.add(tf.layers.dense({ units: 32, activation: 'tanh' }));
  model.add(tf.layers.dense({ units: 1 }));

  const optimizer = tf.train.momentum(0.01, 0.9);
  model.compile({ optimizer, loss: 'meanAbsoluteError' });

  const history = await model.fit(xTrain, yTrain, { epochs: 60, batchSize: 32, verbose: 0 });

  const losses = history.history.loss;
  const preds = model.predict(xTest).dataSync();
  const mae = test.ys.reduce((s, y, i) => s + Math.abs(y - preds[i]), 0) / test.ys.length;
  const med = median(train.ys);
  const baseline = test.ys.reduce((s, y) => s + Math.abs(y - med), 0) / test.ys.length;
  console.log(`loss ${losses[0].toFixed(3)} -> ${losses[losses.length - 1].toFixed(3)} | held-out MAE ${mae.toFixed(3)} vs predict-the-median ${baseline.toFixed(3)} after ${losses.length} epochs`);
}

main();
