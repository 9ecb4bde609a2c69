'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(5183);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Custom training loop for a 4-class classifier: a small MLP that outputs raw logits, trained
// with optimizer.minimize on a hand-written softmax cross-entropy (logSoftmax for stability).
// Task: four Gaussian clusters in 6 features; accuracy measured on a separately drawn test set.
const CENTERS = [
  [1.2, 0, -0.8, 0.5, 0, 0.6],
  [-1, 1, 0, -0.6, 0.8, 0],
  [0, -1.1, 1, 0, -0.7, 0.4],
  [0.4, 0.6, 0.9, 1, 0, -1],
];

function makeBlobs(n) {
  const x = [];
  const labels = [];
  for (let i = 0; i < n; i++) {
    const c = rng.int(0, 4);
    x.push(CENTERS[c].map((m) => m + rng.normal(0, 0.8)));
    labels.push(c);
  }
  return { x, labels };
}

async function main() {
  await tf.setBackend('wasm');
  const train = makeBlobs(800);
  const test = makeBlobs(400);
  const xs = tf.tensor2d(train.x, [800, 6]);
  const ys = tf.oneHot(tf.tensor1d(train.labels, 'int32'), 4).toFloat();
  const xTest = tf.tensor2d(test.x, [400, 6]);
  const yTest = tf.tensor1d(test.labels, 'int32');

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [6] }));
  model.add(tf.layers.dense({ units: 16, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 4 }));

  const optimizer = tf.train.adam(0.01);
  const lossFn = (logits, labels) => tf.neg(tf.mean(tf.sum(labels.mul(tf.logSoftmax(logits)), -1)));

  const BATCH = 50;
  const losses = [];
  for (let epoch = 0; epoch < 25; epoch++) {
    let epochLoss = 0;
    for (let start = 0; start < 800; start += BATCH) {
      const cost = tf.tidy(() => {
        const xb = xs.slice([start, 0], [BATCH, 6]);
        const yb = ys.slice([start, 0], [BATCH, 4]);
        return optimizer.minimize(() => lossFn(model.predict(xb), yb), true);
      });
      epochLoss += cost.dataSync()[0] / (800 / BATCH);
      cost.dispose();
    }
    losses.push(epochLoss);
  }

  const trainAcc = tf.tidy(() => model.predict(xs).argMax(-1).equal(ys.argMax(-1)).mean().dataSync()[0]);
  const testAcc = tf.tidy(() => model.predict(xTest).argMax(-1).equal(yTest).mean().dataSync()[0]);
  console.log(`loss ${losses[0].toFixed(3)} -> ${losses[losses.length - 1].toFixed(3)} | train acc ${trainAcc.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
