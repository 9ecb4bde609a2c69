'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(6203);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Network intrusion detection: classify a connection as normal / dos / probe / r2l from 10
// standardized flow statistics. Attacks are rare (80% of the traffic is normal), so training uses
// a hand-written class-balanced sampler: every class is drawn equally often, and samples within a
// class are drawn with replacement. MLP with batch normalization, custom optimizer.minimize loop.
const CLASSES = ['normal', 'dos', 'probe', 'r2l'];
const PRIORS = [0.8, 0.12, 0.05, 0.03];
const N_FEATURES = 10;
const N_TRAIN = 2000;
const N_TEST = 1000;

const EPOCHS = 15;
const BATCH_SIZE = 32;
const LEARNING_RATE = 0.01;

const centers = CLASSES.map(() => rng.array(N_FEATURES, () => rng.normal(0, 1)));

function drawClass() {
  let u = rng.random();
  for (let c = 0; c < CLASSES.length - 1; c++) {
    u -= PRIORS[c];
    if (u < 0) return c;
  }
  return CLASSES.length - 1;
}

function makeConnections(n) {
  const xs = [];
  const labels = [];
  for (let i = 0; i < n; i++) {
    const c = drawClass();
    xs.push(centers[c].map((m) => m + rng.normal(0, 1)));
    labels.push(c);
  }
  return { xs, labels };
}

function pick(list) {
  return list[Math.floor(rng.random() * list.length)];
}

async function main() {
  await tf.setBackend('wasm');

  const train = makeConnections(N_TRAIN);
  const test = makeConnections(N_TEST);
  const xTrain = tf.tensor2d(train.xs);
  const yTrain = tf.oneHot(tf.tensor1d(train.labels, 'int32'), CLASSES.length).toFloat();
  const xTest = tf.tensor2d(test.xs);
  const yTest = tf.oneHot(tf.tensor1d(test.labels, 'int32'), CLASSES.length).toFloat();

  const nClasses = CLASSES.length;
  const byClass = CLASSES.map(() => []);
  train.labels.forEach((c, i) => byClass[c].push(i));

  function balancedBatch(B) {
    const idx = [];
    for (let k = 0; k < B; k++) {
      const c = Math.floor(rng.random() * nClasses);
      idx.push(pick(byClass[c]));
    }
    return idx;
  }

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, inputShape: [N_FEATURES] }));
  model.add(tf.layers.batchNormalization());
  model.add(tf.layers.activation({ activation: 'relu' }));
  model.add(tf.layers.dense({ units: 32, activation: 'relu' }));
  model.add(tf.layers.dense({ units: nClasses, activation: 'softmax' }));

  const optimizer = tf.train.adam(LEARNING_RATE);
  const stepsPerEpoch = Math.ceil(N_TRAIN / BATCH_SIZE);
  const losses = [];

  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    let epochLoss = 0;
    for (let s = 0; s < stepsPerEpoch; s++) {
      const batchIdx = balancedBatch(BATCH_SIZE);
      const cost = tf.tidy(() => {
        const idx = tf.tensor1d(batchIdx, 'int32');
        const xb = xTrain.gather(idx);
        const yb = yTrain.gather(idx);
        return optimizer.minimize(() => tf.metrics.categoricalCrossentropy(yb, model.apply(xb, { training: true })).mean(), true);
      });
      epochLoss += cost.dataSync()[0] / stepsPerEpoch;
      cost.dispose();
    }
    losses.push(epochLoss);
  }

  // accuracy and balanced accuracy (mean per-class recall) of the trained model
  const evaluate = (x, y, labels) =>
    tf.tidy(() => {
      const probs = model.predict(x);
      const loss = tf.metrics.categoricalCrossentropy(y, probs).mean().dataSync()[0];
      const pred = probs.argMax(-1).dataSync();
      const hits = new Array(nClasses).fill(0);
      const counts = new Array(nClasses).fill(0);
      labels.forEach((c, i) => {
        counts[c]++;
        if (pred[i] === c) hits[c]++;
      });
      const acc = hits.reduce((a, b) => a + b, 0) / labels.length;
      const balAcc = hits.reduce((s, h, c) => s + h / counts[c], 0) / nClasses;
      return [loss, acc, balAcc];
    });
  const [trainLoss, trainAcc] = evaluate(xTrain, yTrain, train.labels);
  const [testLoss, testAcc, testBalAcc] = evaluate(xTest, yTest, test.labels);
  console.log(`loss ${losses[0].toFixed(3)} -> ${losses[losses.length - 1].toFixed(3)} acc ${trainAcc.toFixed(3)} (eval loss ${trainLoss.toFixed(3)}) | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)} balanced acc ${testBalAcc.toFixed(3)}`);
}

main();
