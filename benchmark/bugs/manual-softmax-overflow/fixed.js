'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(7719);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Network-flow classification for a firewall dashboard: web browsing, video streaming, backup
// transfer or port scan, from six per-flow statistics (bytes, packets, duration, mean packet
// size, distinct destination ports, flows per minute from the same host). The statistics are
// heavy-tailed; they are standardized with the training set's mean and std. A small MLP gives
// class scores; softmax and cross-entropy are written out in a custom mini-batch Adam loop.
const CLASSES = ['web', 'stream', 'backup', 'scan'];
// typical log-values of bytes, packets, duration (s), mean packet size, distinct ports, flows/min
const LOG_PROFILES = [
  [10, 4, 0.5, 6.5, 0.2, 1.5],
  [16, 9, 5.5, 7.0, 0.1, 0.2],
  [19, 11, 6.5, 7.2, 0.1, 0.0],
  [7, 1, -1.0, 4.0, 4.0, 4.0],
];
const N_FEATURES = 6;
const N_TRAIN = 1200;
const N_TEST = 400;
const EPOCHS = 30;
const BATCH_SIZE = 32;

function makeFlows(n) {
  const xs = [];
  const labels = [];
  for (let i = 0; i < n; i++) {
    const c = rng.int(0, CLASSES.length);
    xs.push(LOG_PROFILES[c].map((m) => Math.exp(m + rng.normal(0, 1))));
    labels.push(c);
  }
  return { xs, labels };
}

function standardizer(rows) {
  const mean = rows[0].map((_, j) => rows.reduce((s, r) => s + r[j], 0) / rows.length);
  const std = rows[0].map((_, j) => Math.sqrt(rows.reduce((s, r) => s + (r[j] - mean[j]) ** 2, 0) / rows.length));
  return (r) => r.map((v, j) => (v - mean[j]) / std[j]);
}

function softmax(logits) {
  const e = tf.exp(logits.sub(logits.max(-1, true)));
  return e.div(e.sum(-1, true));
}

function crossEntropy(yTrue, probs) {
  return yTrue.mul(tf.log(probs.add(1e-7))).sum(-1).neg().mean();
}

async function main() {
  await tf.setBackend('wasm');

  const train = makeFlows(N_TRAIN);
  const test = makeFlows(N_TEST);
  const scale = standardizer(train.xs);
  const xTrain = tf.tensor2d(train.xs.map(scale), [N_TRAIN, N_FEATURES]);
  const yTrain = tf.oneHot(tf.tensor1d(train.labels, 'int32'), CLASSES.length).toFloat();
  const xTest = tf.tensor2d(test.xs.map(scale), [N_TEST, N_FEATURES]);
  const yTest = tf.oneHot(tf.tensor1d(test.labels, 'int32'), CLASSES.length).toFloat();

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [N_FEATURES] }));
  model.add(tf.layers.dense({ units: 32, activation: 'relu' }));
  model.add(tf.layers.dense({ units: CLASSES.length }));

  const optimizer = tf.train.adam(0.01);
  const numBatches = Math.ceil(N_TRAIN / BATCH_SIZE);
  const losses = [];
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    const order = tf.util.createShuffledIndices(N_TRAIN);
    let epochLoss = 0;
    for (let b = 0; b < numBatches; b++) {
      const batchIdx = Array.from(order.slice(b * BATCH_SIZE, (b + 1) * BATCH_SIZE));
      const cost = tf.tidy(() => {
        const idx = tf.tensor1d(batchIdx, 'int32');
        const xb = xTrain.gather(idx);
        const yb = yTrain.gather(idx);
        return optimizer.minimize(() => crossEntropy(yb, softmax(model.apply(xb, { training: true }))), true);
      });
      epochLoss += cost.dataSync()[0] / numBatches;
      cost.dispose();
    }
    losses.push(epochLoss);
  }

  const evaluate = (x, y) =>
    tf.tidy(() => {
      const probs = softmax(model.predict(x));
      return [crossEntropy(y, probs).dataSync()[0], probs.argMax(-1).equal(y.argMax(-1)).mean().dataSync()[0]];
    });
  const [trainLoss, trainAcc] = evaluate(xTrain, yTrain);
  const [testLoss, testAcc] = evaluate(xTest, yTest);
  console.log(`loss ${losses[0].toFixed(3)} -> ${losses[losses.length - 1].toFixed(3)} acc ${trainAcc.toFixed(3)} (eval loss ${trainLoss.toFixed(3)}) | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
