'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(2694);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Daily sales of one product across many small shops. Features: shop size, foot traffic, price
// discount, promotion flag, rain, weekend flag (all scaled to roughly unit range). Counts are
// skewed (many quiet days, a few big ones), so the model is trained on log sales with MSE.
const NUM_FEATURES = 6;
const N_TRAIN = 1200;
const N_TEST = 400;

function poisson(lambda) {
  const limit = Math.exp(-lambda);
  let k = 0;
  let p = rng.random();
  while (p > limit) {
    k++;
    p *= rng.random();
  }
  return k;
}

function makeDays(n) {
  const xs = [];
  const sales = [];
  for (let i = 0; i < n; i++) {
    const size = rng.normal(0, 1);
    const traffic = rng.normal(0, 1);
    const discount = rng.uniform(0, 1);
    const promo = rng.random() < 0.2 ? 1 : 0;
    const rain = rng.random() < 0.3 ? 1 : 0;
    const weekend = rng.random() < 2 / 7 ? 1 : 0;
    const rate = Math.exp(1.2 + 0.7 * size + 0.5 * traffic + 0.8 * discount + 0.9 * promo - 0.6 * rain + 0.4 * weekend);
    xs.push([size, traffic, discount, promo, rain, weekend]);
    sales.push(poisson(rate));
  }
  return { xs, sales };
}

async function main() {
  await tf.setBackend('wasm');

  const train = makeDays(N_TRAIN);
  const test = makeDays(N_TEST);
  const logTrain = train.sales.map((y) => [Math.log(y)]);

  const xTrain = tf.tensor2d(train.xs, [N_TRAIN, NUM_FEATURES]);
  const yTrain = tf.tensor2d(logTrain, [N_TRAIN, 1]);
  const xTest = tf.tensor2d(test.xs, [N_TEST, NUM_FEATURES]);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [NUM_FEATURES] }));
  model.add(tf.layers.dense({ units: 16, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 1 }));
  model.compile({ optimizer: tf.train.adam(0.01), loss: 'meanSquaredError' });

  const history = await model.fit(xTrain, yTrain, { epochs: 20, batchSize: 32, shuffle: true, verbose: 0 });

  // back to sales counts for the test days
  const predicted = Array.from(model.predict(xTest).dataSync()).map((v) => Math.exp(v));
  const mae = predicted.reduce((s, p, i) => s + Math.abs(p - test.sales[i]), 0) / N_TEST;
  const meanSales = train.sales.reduce((a, b) => a + b, 0) / N_TRAIN;
  const baseline = test.sales.reduce((s, y) => s + Math.abs(meanSales - y), 0) / N_TEST;

  const h = history.history;
  const last = h.loss.length - 1;
  const zeros = train.sales.filter((y) => y === 0).length;
  console.log(`loss ${h.loss[0].toFixed(4)} -> ${h.loss[last].toFixed(4)} (zero-sale days ${zeros}/${N_TRAIN}) | test mae ${mae.toFixed(2)} sales (predict-the-mean mae ${baseline.toFixed(2)})`);
}

main();
