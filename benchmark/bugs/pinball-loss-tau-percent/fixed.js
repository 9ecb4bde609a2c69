'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(7312);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Food delivery: the app promises a delivery time that should be met for 90% of orders, so the
// model predicts the 90th percentile of the delivery time (in hours) from 6 standardized order
// features (distance, restaurant load, traffic, rain, courier count, hour of day) with a
// quantile (pinball) loss. Delays are skewed: busy, rainy evenings have a long right tail.
const N_FEATURES = 6;
const N_TRAIN = 3000;
const N_TEST = 500;

const TAU = 0.9;

function makeOrders(n) {
  const xs = [];
  const ys = [];
  for (let i = 0; i < n; i++) {
    const x = rng.array(N_FEATURES, () => rng.normal(0, 1));
    const base = 0.6 + 0.15 * x[0] + 0.08 * x[1] + 0.06 * x[2] - 0.05 * x[4] + 0.04 * Math.sin(2 * x[5]);
    const spread = 0.08 * Math.exp(0.4 * x[2] + 0.3 * x[3]);
    const delay = -Math.log(1 - rng.random()) * spread;
    xs.push(x);
    ys.push([Math.max(0.1, base + delay)]);
  }
  return { xs, ys };
}

function pinballLoss(yTrue, yPred) {
  const e = yTrue.sub(yPred);
  return tf.maximum(e.mul(TAU), e.mul(TAU - 1)).mean();
}

async function main() {
  await tf.setBackend('wasm');
  const train = makeOrders(N_TRAIN);
  const test = makeOrders(N_TEST);
  const xTrain = tf.tensor2d(train.xs, [N_TRAIN, N_FEATURES]);
  const yTrain = tf.tensor2d(train.ys, [N_TRAIN, 1]);
  const xTest = tf.tensor2d(test.xs, [N_TEST, N_FEATURES]);
  const yTest = tf.tensor2d(test.ys, [N_TEST, 1]);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [N_FEATURES] }));
  model.add(tf.layers.dense({ units: 16, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 1 }));
  model.compile({ optimizer: tf.train.adam(0.003), loss: pinballLoss });

  const history = await model.fit(xTrain, yTrain, { epochs: 30, batchSize: 32, shuffle: true, verbose: 0 });

  const h = history.history.loss;
  const testLoss = model.evaluate(xTest, yTest).dataSync()[0];
  const [coverage, meanPromise, meanActual] = tf.tidy(() => {
    const promise = model.predict(xTest);
    return [yTest.lessEqual(promise).mean(), promise.mean(), yTest.mean()].map((t) => t.dataSync()[0]);
  });
  console.log(`loss ${h[0].toFixed(3)} -> ${h[h.length - 1].toFixed(3)} | test loss ${testLoss.toFixed(3)} test coverage ${coverage.toFixed(3)} (target 0.90) mean promise ${meanPromise.toFixed(2)} h (mean actual ${meanActual.toFixed(2)} h)`);
}

main();
