'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(6202);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Count regression: each row has 6 standardized features and a Poisson count whose log-rate is
// a linear-plus-interaction function of them (x5 is irrelevant). Counts mostly fall in 0..20.
const FEATURES = 6;

function poissonSample(rate) {
  // Knuth's method; fine for the small rates used here.
  const limit = Math.exp(-rate);
  let k = 0;
  let p = rng.random();
  while (p > limit) {
    k++;
    p *= rng.random();
  }
  return k;
}

function makeSet(n) {
  const rows = [];
  const counts = [];
  for (let i = 0; i < n; i++) {
    const x = rng.array(FEATURES, () => rng.normal(0, 1));
    const logRate = 1.0 + 0.4 * x[0] - 0.35 * x[1] + 0.2 * x[2] * x[3] + 0.2 * x[4];
    rows.push(x);
    counts.push(poissonSample(Math.exp(logRate)));
  }
  return { rows, counts };
}

// Mean Poisson deviance: 2 * mean(y * log(y / mu) - (y - mu)).
function poissonDeviance(counts, means) {
  let sum = 0;
  for (let i = 0; i < counts.length; i++) {
    const y = counts[i];
    const mu = Math.max(means[i], 1e-8);
    sum += 2 * ((y > 0 ? y * Math.log(y / mu) : 0) - (y - mu));
  }
  return sum / counts.length;
}

function mse(counts, means) {
  let sum = 0;
  for (let i = 0; i < counts.length; i++) sum += (counts[i] - means[i]) ** 2;
  return sum / counts.length;
}

async function main() {
  await tf.setBackend('wasm');
  const NTRAIN = 2000;
  const NTEST = 1000;
  const train = makeSet(NTRAIN);
  const test = makeSet(NTEST);
  const xTrain = tf.tensor2d(train.rows, [NTRAIN, FEATURES]);
  const yTrain = tf.tensor2d(train.counts, [NTRAIN, 1]);
  const xTest = tf.tensor2d(test.rows, [NTEST, FEATURES]);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 16, activation: 'relu', inputShape: [FEATURES] }));
  model.add(tf.layers.dense({ units: 1, activation: 'softplus' }));

  model.compile({ optimizer: tf.train.adam(0.01), loss: 'poisson' });

  const history = await model.fit(xTrain, yTrain, { epochs: 30, batchSize: 64, validationSplit: 0.1, verbose: 0 });

  const losses = history.history.loss;
  const predicted = Array.from(model.predict(xTest).dataSync());
  const trainMean = train.counts.reduce((a, b) => a + b, 0) / NTRAIN;
  const baseline = new Array(NTEST).fill(trainMean);
  const maxCount = Math.max(...train.counts);
  console.log(`train counts mean ${trainMean.toFixed(2)} max ${maxCount} | poisson loss ${losses[0].toFixed(3)} -> ${losses[losses.length - 1].toFixed(3)} | held-out deviance ${poissonDeviance(test.counts, predicted).toFixed(3)} (mean-only ${poissonDeviance(test.counts, baseline).toFixed(3)}) MSE ${mse(test.counts, predicted).toFixed(2)} (mean-only ${mse(test.counts, baseline).toFixed(2)}) after ${losses.length} epochs`);
}

main();
