'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(5821);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Hourly bike rentals at a station: predict the number of rentals from six standardized
// features (temperature, humidity, wind, hour-of-day signal, weekend flag, event flag).
// The counts are Poisson draws around a log-linear rate, so the model is trained with the
// Poisson loss.
const N_TRAIN = 1200;
const N_TEST = 300;
const NUM_FEATURES = 6;

function poissonSample(rate) {
  // Knuth's method, fine for the small rates we have here.
  const limit = Math.exp(-rate);
  let k = 0;
  let p = rng.random();
  while (p > limit) {
    k++;
    p *= rng.random();
  }
  return k;
}

function makeRentals(n) {
  const xs = [];
  const counts = [];
  for (let i = 0; i < n; i++) {
    const x = rng.array(NUM_FEATURES, () => rng.normal(0, 1));
    const logRate = 1.4 + 0.5 * x[0] - 0.35 * x[1] - 0.2 * x[2] + 0.3 * x[3] * x[4] + 0.25 * x[5];
    xs.push(x);
    counts.push(poissonSample(Math.exp(logRate)));
  }
  return { xs, counts };
}

const mean = (a) => a.reduce((s, v) => s + v, 0) / a.length;
const std = (a) => Math.sqrt(mean(a.map((v) => (v - mean(a)) ** 2)));

async function main() {
  await tf.setBackend('wasm');

  const train = makeRentals(N_TRAIN);
  const test = makeRentals(N_TEST);
  const countMean = mean(train.counts);
  const countStd = std(train.counts);

  const xTrain = tf.tensor2d(train.xs, [N_TRAIN, NUM_FEATURES]);
  const yTrain = tf.tensor2d(train.counts.map((c) => (c - countMean) / countStd), [N_TRAIN, 1]);
  const xTest = tf.tensor2d(test.xs, [N_TEST, NUM_FEATURES]);
  const yTest = tf.tensor2d(test.counts, [N_TEST, 1]);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [NUM_FEATURES] }));
  model.add(tf.layers.dense({ units: 16, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 1 }));
  model.compile({ optimizer: tf.train.adam(0.01), loss: 'poisson' });

  const history = await model.fit(xTrain, yTrain, { epochs: 40, batchSize: 32, shuffle: true, verbose: 0 });

  // Predicted rentals on the held-out hours, back in counts.
  const predCounts = model.predict(xTest).mul(countStd).add(countMean);
  const testMae = tf.metrics.meanAbsoluteError(yTest, predCounts).mean().dataSync()[0];
  const baselineMae = mean(test.counts.map((c) => Math.abs(c - countMean)));
  const h = history.history;
  const last = h.loss.length - 1;
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} | test MAE ${testMae.toFixed(3)} rentals (predict-the-mean MAE ${baselineMae.toFixed(3)})`);
}

main();
