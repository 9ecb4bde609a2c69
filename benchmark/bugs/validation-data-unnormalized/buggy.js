'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(9120);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Synthetic house listings: living area (sq ft), lot size (sq ft), bedrooms, age (years) and
// distance to the city centre (km). Classify each listing into one of three price bands.
// Features are standardized, then a small MLP is trained with a held-out validation set.
const NUM_CLASSES = 3;
const NUM_FEATURES = 5;

function makeListings(n) {
  const xs = [];
  const ys = [];
  for (let i = 0; i < n; i++) {
    const area = rng.uniform(600, 4000);
    const lot = rng.uniform(2000, 20000);
    const bedrooms = rng.int(1, 7);
    const age = rng.uniform(0, 80);
    const distance = rng.uniform(1, 40);
    const price = 150 * area + 4 * lot + 10000 * bedrooms - 1500 * age - 6000 * distance + rng.normal(0, 30000);
    const band = price < 250000 ? 0 : price < 450000 ? 1 : 2;
    xs.push([area, lot, bedrooms, age, distance]);
    ys.push([0, 1, 2].map((k) => (k === band ? 1 : 0)));
  }
  return { xs, ys };
}

async function main() {
  await tf.setBackend('wasm');

  const train = makeListings(1000);
  const val = makeListings(300);
  const xTrainRaw = tf.tensor2d(train.xs, [1000, NUM_FEATURES]);
  const { mean, variance } = tf.moments(xTrainRaw, 0);
  const std = variance.sqrt();
  const xTrain = xTrainRaw.sub(mean).div(std);
  const yTrain = tf.tensor2d(train.ys, [1000, NUM_CLASSES]);
  const xVal = tf.tensor2d(val.xs, [300, NUM_FEATURES]);
  const yVal = tf.tensor2d(val.ys, [300, NUM_CLASSES]);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [NUM_FEATURES] }));
  model.add(tf.layers.dense({ units: 16, activation: 'relu' }));
  model.add(tf.layers.dense({ units: NUM_CLASSES, activation: 'softmax' }));
  model.compile({ optimizer: tf.train.adam(0.01), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(xTrain, yTrain, {
    epochs: 30,
    batchSize: 32,
    shuffle: true,
    validationData: [xVal, yVal],
    verbose: 0,
  });

  const h = history.history;
  const last = h.loss.length - 1;
  const [valLoss, valAcc] = model.evaluate(xVal, yVal).map((t) => t.dataSync()[0]);
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} | val loss ${h.val_loss[0].toFixed(3)} -> ${valLoss.toFixed(3)} val acc ${valAcc.toFixed(3)}`);
}

main();
