'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(9540);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Land-cover classification of satellite pixels from their 10 spectral band reflectances
// (water, forest, cropland, grassland, urban, bare soil). Each cover type shows up as several
// spectral signatures (season, moisture, sensor angle), so the classes are multi-modal.
// Training is a plain step loop: every step draws a random minibatch (with replacement) from the
// training pixels and takes one Adam step on it. Pixels from a different tile are held out.
const CLASSES = ['water', 'forest', 'cropland', 'grassland', 'urban', 'bare'];
const BANDS = 10;
const SIGNATURES_PER_CLASS = 6;
const N_TRAIN = 2400;
const N_TEST = 800;

const STEPS = 1500;
const BATCH_SIZE = 32;
const LEARNING_RATE = 0.003;

// mean reflectance of each spectral signature, per band
const signatures = CLASSES.map(() =>
  rng.array(SIGNATURES_PER_CLASS, () => rng.array(BANDS, () => rng.uniform(0.02, 0.6))),
);

function samplePixels(n) {
  const xs = [];
  const ys = [];
  for (let i = 0; i < n; i++) {
    const c = rng.int(0, CLASSES.length);
    const sig = signatures[c][rng.int(0, SIGNATURES_PER_CLASS)];
    const brightness = rng.uniform(0.85, 1.15);
    xs.push(sig.map((r) => Math.max(0, r * brightness + rng.normal(0, 0.1))));
    ys.push(c);
  }
  return { xs, ys };
}

async function main() {
  await tf.setBackend('wasm');

  const train = samplePixels(N_TRAIN);
  const test = samplePixels(N_TEST);
  const numTrain = train.xs.length;

  const xTrainRaw = tf.tensor2d(train.xs, [numTrain, BANDS]);
  const xTestRaw = tf.tensor2d(test.xs, [N_TEST, BANDS]);
  const { mean, variance } = tf.moments(xTrainRaw, 0);
  const std = variance.sqrt().add(1e-6);
  const xTrain = xTrainRaw.sub(mean).div(std);
  const xTest = xTestRaw.sub(mean).div(std);
  const yTrain = tf.oneHot(tf.tensor1d(train.ys, 'int32'), CLASSES.length).toFloat();
  const yTest = tf.oneHot(tf.tensor1d(test.ys, 'int32'), CLASSES.length).toFloat();

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 64, activation: 'relu', inputShape: [BANDS] }));
  model.add(tf.layers.dense({ units: 64, activation: 'relu' }));
  model.add(tf.layers.dense({ units: CLASSES.length, activation: 'softmax' }));

  const optimizer = tf.train.adam(LEARNING_RATE);
  const losses = [];

  for (let step = 0; step < STEPS; step++) {
    // random minibatch, drawn with replacement
    const batchIdx = rng.array(BATCH_SIZE, () => rng.int(0, numTrain));
    const cost = tf.tidy(() => {
      const idx = tf.tensor1d(batchIdx, 'int32');
      const xb = xTrain.gather(idx);
      const yb = yTrain.gather(idx);
      return optimizer.minimize(() => tf.metrics.categoricalCrossentropy(yb, model.apply(xb, { training: true })).mean(), true);
    });
    losses.push(cost.dataSync()[0]);
    cost.dispose();
  }

  const avg = (a) => a.reduce((s, v) => s + v, 0) / a.length;
  const firstLoss = avg(losses.slice(0, 50));
  const lastLoss = avg(losses.slice(-50));
  const accuracy = (x, y) => tf.tidy(() => model.predict(x).argMax(-1).equal(y.argMax(-1)).mean().dataSync()[0]);
  const testLoss = tf.tidy(() => tf.metrics.categoricalCrossentropy(yTest, model.predict(xTest)).mean().dataSync()[0]);
  console.log(`loss ${firstLoss.toFixed(3)} -> ${lastLoss.toFixed(3)} train acc ${accuracy(xTrain, yTrain).toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${accuracy(xTest, yTest).toFixed(3)}`);
}

main();
