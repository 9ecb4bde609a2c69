'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(2719);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Next-day sales forecast for a chain of stores. Each store sells at its own level (50 to 500 units
// a day) with a weekly pattern, a slow drift and day-to-day noise. The model sees the last 14 days,
// each window min-max scaled by its own min and max, and predicts the next day. Train and test
// windows come from different stores. Small GRU, linear output, mean squared error.
const WINDOW = 14;
const DAYS = 60;
const TRAIN_STORES = 24;
const TEST_STORES = 12;
const STRIDE = 2;

function makeStore() {
  const level = rng.uniform(50, 500);
  const phase = rng.uniform(0, 2 * Math.PI);
  const drift = rng.normal(0, 0.002) * level;
  return rng.array(DAYS, (t) => level * (1 + 0.25 * Math.sin((2 * Math.PI * t) / 7 + phase)) + drift * t + rng.normal(0, 0.04 * level));
}

function makeWindows(numStores) {
  const samples = [];
  for (let s = 0; s < numStores; s++) {
    const sales = makeStore();
    for (let t = 0; t + WINDOW < DAYS; t += STRIDE) {
      const window = sales.slice(t, t + WINDOW);
      const next = sales[t + WINDOW];
      const lo = Math.min(...window);
      const span = Math.max(...window) - lo;
      samples.push({ x: window.map((v) => [(v - lo) / span]), y: next, next, lo, span });
    }
  }
  return samples;
}

async function main() {
  await tf.setBackend('wasm');

  const train = makeWindows(TRAIN_STORES);
  const test = makeWindows(TEST_STORES);
  const xTrain = tf.tensor3d(train.map((s) => s.x), [train.length, WINDOW, 1]);
  const yTrain = tf.tensor2d(train.map((s) => [s.y]), [train.length, 1]);
  const xTest = tf.tensor3d(test.map((s) => s.x), [test.length, WINDOW, 1]);

  const model = tf.sequential();
  model.add(tf.layers.gru({ units: 16, inputShape: [WINDOW, 1] }));
  model.add(tf.layers.dense({ units: 1 }));
  model.compile({ optimizer: tf.train.adam(0.01), loss: 'meanSquaredError' });

  const history = await model.fit(xTrain, yTrain, { epochs: 20, batchSize: 32, shuffle: true, verbose: 0 });

  const mae = (samples, x) => {
    const pred = model.predict(x).dataSync();
    const errors = samples.map((s, i) => Math.abs(pred[i] - s.y));
    return errors.reduce((a, b) => a + b, 0) / errors.length;
  };
  const losses = history.history.loss;
  const meanLevel = test.reduce((a, s) => a + s.next, 0) / test.length;
  console.log(`loss ${losses[0].toFixed(3)} -> ${losses[losses.length - 1].toFixed(3)} train mae ${mae(train, xTrain).toFixed(1)} units | test mae ${mae(test, xTest).toFixed(1)} units (mean next-day sales ${meanLevel.toFixed(1)})`);
}

main();
