'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(8624);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Click-through-rate regression for ad placements. Five raw features per ad (slot position, bid,
// relevance score, title length, hour of day); the target is the observed CTR (a few percent).
// We only have 400 labelled ads, so the training set is enlarged with jittered copies.
const N_TRAIN = 400;
const N_TEST = 400;
const NUM_FEATURES = 5;
const COPIES = 4;
const NOISE_STD = 0.3;

function makeAds(n) {
  const xs = [];
  const ys = [];
  for (let i = 0; i < n; i++) {
    const slot = rng.int(1, 9);
    const bid = rng.uniform(0.2, 3);
    const relevance = rng.random();
    const titleLen = rng.int(20, 90);
    const hour = rng.int(0, 24);
    const logit = -2.6 - 0.22 * (slot - 1) + 0.35 * Math.log(bid) + 1.4 * relevance
      - 0.01 * Math.abs(titleLen - 50) + 0.3 * Math.sin((hour / 24) * 2 * Math.PI);
    xs.push([slot, bid, relevance, titleLen, hour]);
    ys.push([1 / (1 + Math.exp(-logit))]);
  }
  return { xs, ys };
}

function jitter(t) {
  return t.add(tf.randomNormal(t.shape, 0, NOISE_STD));
}

async function main() {
  await tf.setBackend('wasm');

  const train = makeAds(N_TRAIN);
  const test = makeAds(N_TEST);
  const xRaw = tf.tensor2d(train.xs, [N_TRAIN, NUM_FEATURES]);
  const { mean, variance } = tf.moments(xRaw, 0);
  const std = variance.sqrt();
  const xTrain = xRaw.sub(mean).div(std);
  const yTrain = tf.tensor2d(train.ys, [N_TRAIN, 1]);
  const xTest = tf.tensor2d(test.xs, [N_TEST, NUM_FEATURES]).sub(mean).div(std);
  const yTest = tf.tensor2d(test.ys, [N_TEST, 1]);

  const xParts = [xTrain];
  const yParts = [yTrain];
  for (let k = 1; k < COPIES; k++) {
    xParts.push(xTrain);
    yParts.push(jitter(yTrain));
  }
  const xAug = tf.concat(xParts);
  const yAug = tf.concat(yParts);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [NUM_FEATURES] }));
  model.add(tf.layers.dense({ units: 16, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 1 }));
  model.compile({ optimizer: tf.train.adam(0.003), loss: 'meanSquaredError' });

  const history = await model.fit(xAug, yAug, { epochs: 60, batchSize: 32, shuffle: true, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const testMse = model.evaluate(xTest, yTest).dataSync()[0];
  const targetVar = tf.moments(yTest).variance.dataSync()[0];
  const r2 = 1 - testMse / targetVar;
  console.log(`loss ${h.loss[0].toFixed(5)} -> ${h.loss[last].toFixed(5)} | test mse ${testMse.toFixed(6)} test r2 ${r2.toFixed(3)} (target var ${targetVar.toFixed(6)})`);
}

main();
