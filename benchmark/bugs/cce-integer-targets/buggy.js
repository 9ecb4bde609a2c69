'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(4821);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Sensor readings -> one of 4 machine states. 10 standardized features; the state is decided by
// which of four noisy linear scores of the readings is largest. Trained with a small custom loop
// (shuffled mini-batches, optimizer.minimize) on a softmax network.
const NUM_CLASSES = 4;
const NUM_FEATURES = 10;
const N_TRAIN = 1200;
const N_TEST = 400;
const BATCH = 32;

const directions = rng.array(NUM_CLASSES, () => rng.array(NUM_FEATURES, () => rng.normal(0, 1)));

function makeReadings(n) {
  const xs = [];
  const labels = [];
  for (let i = 0; i < n; i++) {
    const row = rng.array(NUM_FEATURES, () => rng.normal(0, 1));
    const scores = directions.map((d) => d.reduce((s, w, j) => s + w * row[j], 0) + rng.normal(0, 0.3));
    xs.push(row);
    labels.push(scores.indexOf(Math.max(...scores)));
  }
  return { xs, labels };
}

async function main() {
  await tf.setBackend('wasm');

  const train = makeReadings(N_TRAIN);
  const test = makeReadings(N_TEST);
  const xTrain = tf.tensor2d(train.xs, [N_TRAIN, NUM_FEATURES]);
  const yTrain = tf.tensor2d(train.labels, [N_TRAIN, 1]);
  const xTest = tf.tensor2d(test.xs, [N_TEST, NUM_FEATURES]);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [NUM_FEATURES] }));
  model.add(tf.layers.dense({ units: 32, activation: 'relu' }));
  model.add(tf.layers.dense({ units: NUM_CLASSES, activation: 'softmax' }));

  const optimizer = tf.train.adam(0.005);
  const numBatches = Math.floor(N_TRAIN / BATCH);
  const losses = [];
  for (let epoch = 0; epoch < 25; epoch++) {
    const order = tf.util.createShuffledIndices(N_TRAIN);
    let epochLoss = 0;
    for (let b = 0; b < numBatches; b++) {
      const idx = tf.tensor1d(Int32Array.from(order.slice(b * BATCH, (b + 1) * BATCH)), 'int32');
      const xb = xTrain.gather(idx);
      const yb = yTrain.gather(idx);
      const loss = optimizer.minimize(() => tf.metrics.categoricalCrossentropy(yb, model.predict(xb)).mean(), true);
      epochLoss += loss.dataSync()[0] / numBatches;
      tf.dispose([idx, xb, yb, loss]);
    }
    losses.push(epochLoss);
  }

  const accuracy = (x, labels) => {
    const pred = tf.tidy(() => model.predict(x).argMax(-1).dataSync());
    let hits = 0;
    for (let i = 0; i < labels.length; i++) if (pred[i] === labels[i]) hits++;
    return hits / labels.length;
  };
  const testProbs = tf.tidy(() => model.predict(xTest).max(-1).mean().dataSync()[0]);
  console.log(`loss ${losses[0].toFixed(3)} -> ${losses[losses.length - 1].toFixed(3)} acc ${accuracy(xTrain, train.labels).toFixed(3)} | test acc ${accuracy(xTest, test.labels).toFixed(3)} (mean top prob ${testProbs.toFixed(3)})`);
}

main();
