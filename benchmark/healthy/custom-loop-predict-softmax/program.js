'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(7411);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// The tutorial-style custom loop: optimizer.minimize over model.predict on 64-row batches (which
// predict runs as two of 32), a softmax output and a hand-written cross-entropy that clips before
// its log. Inputs and labels are shuffled together with tf.util.shuffleCombo before the split.
// Task: three Gaussian classes in 4 standardized features.
const CENTERS = [
  [1, 0, -1, 0.5],
  [-1, 1, 0, -0.5],
  [0, -1, 1, 0],
];

async function main() {
  await tf.setBackend('wasm');
  const x = [];
  const labels = [];
  for (let i = 0; i < 750; i++) {
    const c = i % 3;
    x.push(CENTERS[c].map((m) => m + rng.normal(0, 0.7)));
    labels.push(c);
  }
  tf.util.shuffleCombo(x, labels);
  const oneHot = (ls) => tf.oneHot(tf.tensor1d(ls, 'int32'), 3);
  const xs = tf.tensor2d(x.slice(0, 600));
  const ys = oneHot(labels.slice(0, 600));
  const xTest = tf.tensor2d(x.slice(600));
  const labelsTest = tf.tensor1d(labels.slice(600), 'int32');

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [4] }));
  model.add(tf.layers.dense({ units: 16, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 3, activation: 'softmax' }));
  const optimizer = tf.train.adam(0.01);
  const losses = [];
  for (let epoch = 0; epoch < 20; epoch++) {
    for (let b = 0; b < 600; b += 64) {
      const size = Math.min(64, 600 - b);
      const cost = tf.tidy(() =>
        optimizer.minimize(() => {
          const p = model.predict(xs.slice(b, size));
          return tf.neg(tf.sum(ys.slice(b, size).mul(tf.log(tf.clipByValue(p, 1e-7, 1))), 1)).mean();
        }, true),
      );
      losses.push(cost.dataSync()[0]);
      cost.dispose();
    }
  }
  const testAcc = tf.tidy(() => model.predict(xTest).argMax(-1).equal(labelsTest).cast('float32').mean().dataSync()[0]);
  console.log(JSON.stringify({ firstLoss: losses[0], lastLoss: losses[losses.length - 1], testAcc, updates: losses.length }));
}
main();
