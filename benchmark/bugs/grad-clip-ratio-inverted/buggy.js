'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(9548);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Hourly electricity demand of a building (MWh) from weather and calendar features.
// Custom training loop so gradients can be clipped by their global norm before each update:
// the first batches see large errors (demand is not centered) and plain SGD would overshoot.
const N_TRAIN = 2000;
const N_TEST = 500;
const NUM_FEATURES = 6;
const EPOCHS = 20;
const BATCH_SIZE = 50;
const LEARNING_RATE = 0.02;
const CLIP_NORM = 1.0;

function makeReadings(n) {
  const xs = [];
  const ys = [];
  for (let i = 0; i < n; i++) {
    const hour = rng.int(0, 24);
    const weekday = rng.random() < 5 / 7 ? 1 : 0;
    const tempC = rng.normal(14, 9);
    const humidity = rng.uniform(0.2, 0.95);
    const cloud = rng.uniform(0, 1);
    const occupied = weekday && hour >= 8 && hour < 19 ? 1 : 0;
    const demand =
      4 + 2.5 * occupied + 0.012 * (tempC - 18) ** 2 + 0.8 * Math.sin((Math.PI * (hour - 6)) / 12) +
      0.6 * humidity + 0.3 * cloud + rng.normal(0, 0.25);
    xs.push([Math.sin((2 * Math.PI * hour) / 24), Math.cos((2 * Math.PI * hour) / 24), weekday, tempC / 10, humidity, cloud]);
    ys.push([demand]);
  }
  return { xs, ys };
}

function clipByGlobalNorm(grads) {
  const names = Object.keys(grads);
  const globalNorm = Math.sqrt(names.reduce((sum, name) => sum + grads[name].square().sum().dataSync()[0], 0));
  if (globalNorm <= CLIP_NORM) return grads;
  const scale = globalNorm / CLIP_NORM;
  const clipped = {};
  for (const name of names) clipped[name] = grads[name].mul(scale);
  return clipped;
}

async function main() {
  await tf.setBackend('wasm');

  const train = makeReadings(N_TRAIN);
  const test = makeReadings(N_TEST);
  const xTest = tf.tensor2d(test.xs, [N_TEST, NUM_FEATURES]);
  const yTest = tf.tensor2d(test.ys, [N_TEST, 1]);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [NUM_FEATURES] }));
  model.add(tf.layers.dense({ units: 16, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 1 }));
  const optimizer = tf.train.momentum(LEARNING_RATE, 0.9);
  const mse = (pred, target) => pred.sub(target).square().mean();

  const epochLosses = [];
  const order = Array.from({ length: N_TRAIN }, (_, i) => i);
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = rng.int(0, i + 1);
      [order[i], order[j]] = [order[j], order[i]];
    }
    let total = 0;
    for (let start = 0; start < N_TRAIN; start += BATCH_SIZE) {
      const idx = order.slice(start, start + BATCH_SIZE);
      tf.tidy(() => {
        const xb = tf.tensor2d(idx.map((k) => train.xs[k]), [idx.length, NUM_FEATURES]);
        const yb = tf.tensor2d(idx.map((k) => train.ys[k]), [idx.length, 1]);
        const { value, grads } = tf.variableGrads(() => mse(model.predict(xb), yb));
        optimizer.applyGradients(clipByGlobalNorm(grads));
        total += value.dataSync()[0] * idx.length;
      });
    }
    epochLosses.push(total / N_TRAIN);
  }

  const testPred = model.predict(xTest);
  const testMse = mse(testPred, yTest).dataSync()[0];
  const testMae = testPred.sub(yTest).abs().mean().dataSync()[0];
  const first = epochLosses[0];
  const last = epochLosses[epochLosses.length - 1];
  console.log(`loss ${first.toFixed(4)} -> ${last.toFixed(4)} | test mse ${testMse.toFixed(4)} test mae ${testMae.toFixed(4)} MWh`);
}

main();
