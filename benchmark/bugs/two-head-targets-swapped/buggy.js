'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(4821);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// House listings: 8 standardized features (size, rooms, age, distance to centre, ...).
// One head predicts the sale price (in $100k), the other whether the house sells within a week.
// Shared dense trunk, functional API with two outputs.
const NUM_FEATURES = 8;
const N_TRAIN = 1200;
const N_TEST = 400;

function makeListings(n) {
  const xs = [];
  const price = [];
  const quick = [];
  for (let i = 0; i < n; i++) {
    const f = rng.array(NUM_FEATURES, () => rng.normal(0, 1));
    const p = 4.5 + 1.4 * f[0] + 0.8 * f[1] - 0.6 * f[2] + 0.5 * f[0] * f[3] + rng.normal(0, 0.2);
    const demand = f[4] + 0.8 * f[5] - 0.6 * f[3] + 0.5 * f[6] * f[7];
    xs.push(f);
    price.push([Math.max(0.5, p)]);
    quick.push([demand > 0 ? 1 : 0]);
  }
  return { xs, price, quick };
}

async function main() {
  await tf.setBackend('wasm');

  const train = makeListings(N_TRAIN);
  const test = makeListings(N_TEST);
  const xTrain = tf.tensor2d(train.xs, [N_TRAIN, NUM_FEATURES]);
  const yPrice = tf.tensor2d(train.price, [N_TRAIN, 1]);
  const yClass = tf.tensor2d(train.quick, [N_TRAIN, 1]);
  const xTest = tf.tensor2d(test.xs, [N_TEST, NUM_FEATURES]);
  const yPriceTest = tf.tensor2d(test.price, [N_TEST, 1]);
  const yClassTest = tf.tensor2d(test.quick, [N_TEST, 1]);

  const input = tf.input({ shape: [NUM_FEATURES] });
  const h1 = tf.layers.dense({ units: 64, activation: 'relu' }).apply(input);
  const h2 = tf.layers.dense({ units: 32, activation: 'relu' }).apply(h1);
  const priceOut = tf.layers.dense({ units: 1, name: 'price' }).apply(h2);
  const quickOut = tf.layers.dense({ units: 1, activation: 'sigmoid', name: 'quick_sale' }).apply(h2);
  const model = tf.model({ inputs: input, outputs: [priceOut, quickOut] });

  model.compile({
    optimizer: tf.train.adam(0.003),
    loss: ['meanSquaredError', 'binaryCrossentropy'],
    metrics: { price: 'mae', quick_sale: 'accuracy' },
  });

  const history = await model.fit(xTrain, [yClass, yPrice], { epochs: 40, batchSize: 32, shuffle: true, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const headMetrics = (x, yP, yC) => tf.tidy(() => {
    const [pricePred, quickPred] = model.predict(x);
    const mae = tf.metrics.meanAbsoluteError(yP, pricePred).mean().dataSync()[0];
    const acc = tf.metrics.binaryAccuracy(yC, quickPred).mean().dataSync()[0];
    return { mae, acc };
  });
  const tr = headMetrics(xTrain, yPrice, yClass);
  const te = headMetrics(xTest, yPriceTest, yClassTest);
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} | train price mae ${tr.mae.toFixed(3)} quick_sale acc ${tr.acc.toFixed(3)} | test price mae ${te.mae.toFixed(3)} quick_sale acc ${te.acc.toFixed(3)}`);
}

main();
