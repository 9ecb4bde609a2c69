'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(90817);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Regression on 8 standardized sensor features: the target is a smooth nonlinear function of a
// few of them plus noise. Training streams through a tf.data pipeline and stops early on val_loss.
const NUM_FEATURES = 8;
const BATCH_SIZE = 32;

function target(x) {
  return 2 * x[0] - 1.5 * x[1] + Math.sin(2 * x[2]) + 0.8 * x[3] * x[4] - 0.5 * x[5] ** 2 + 0.3 * x[6];
}

function makeSet(n) {
  const xs = rng.array(n, () => rng.array(NUM_FEATURES, () => rng.normal(0, 1)));
  const ys = xs.map((x) => [target(x) + rng.normal(0, 0.3)]);
  return { xs, ys };
}

async function main() {
  await tf.setBackend('wasm');
  const train = makeSet(1000);
  const val = makeSet(250);
  const test = makeSet(500);

  // tf.data seeds its shuffle from the clock unless it is given a seed; pass one to be reproducible.
  const trainDataset = tf.data.zip({ xs: tf.data.array(train.xs), ys: tf.data.array(train.ys) }).shuffle(1000, '90817').batch(BATCH_SIZE);
  const valDataset = tf.data.zip({ xs: tf.data.array(val.xs), ys: tf.data.array(val.ys) }).batch(BATCH_SIZE);
  const xTest = tf.tensor2d(test.xs, [test.xs.length, NUM_FEATURES]);
  const yTest = tf.tensor2d(test.ys, [test.ys.length, 1]);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [NUM_FEATURES] }));
  model.add(tf.layers.dense({ units: 16, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 1 }));

  model.compile({ optimizer: tf.train.adam(0.01), loss: 'meanSquaredError' });

  const history = await model.fitDataset(trainDataset, { epochs: 100, validationData: valDataset, callbacks: tf.callbacks.earlyStopping({ monitor: 'val_loss', patience: 5 }), verbose: 0 });

  const losses = history.history.loss;
  const valLosses = history.history.val_loss;
  const testMse = model.evaluate(xTest, yTest).dataSync()[0];
  const trainMean = train.ys.reduce((s, [y]) => s + y, 0) / train.ys.length;
  const baseline = test.ys.reduce((s, [y]) => s + (y - trainMean) ** 2, 0) / test.ys.length;
  console.log(`loss ${losses[0].toFixed(3)} -> ${losses[losses.length - 1].toFixed(3)} | best val_loss ${Math.min(...valLosses).toFixed(3)} | test MSE ${testMse.toFixed(3)} vs baseline ${baseline.toFixed(3)} | stopped after ${losses.length} of 100 epochs`);
}

main();
