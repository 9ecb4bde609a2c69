'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(3907);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Regression with a hand-written training loop: predict a smooth response surface of 6 inputs
// (a mix of sine, product and quadratic terms plus a little noise) with a small MLP.
// Mini-batches come from tf.util.createShuffledIndices each epoch.
const N_TRAIN = 1000;
const N_TEST = 300;
const NUM_FEATURES = 6;
const BATCH = 32;
const EPOCHS = 30;
const LEARNING_RATE = 0.01;

function target(r) {
  return Math.sin(1.5 * r[0]) + 0.5 * r[1] * r[2] - 0.3 * r[3] * r[3] + 0.4 * r[4] - 0.2 * r[5];
}

function makeSet(n) {
  const xs = [];
  const ys = [];
  for (let i = 0; i < n; i++) {
    const row = rng.array(NUM_FEATURES, () => rng.uniform(-2, 2));
    xs.push(row);
    ys.push([target(row) + rng.normal(0, 0.05)]);
  }
  return { x: tf.tensor2d(xs, [n, NUM_FEATURES]), y: tf.tensor2d(ys, [n, 1]) };
}

async function main() {
  await tf.setBackend('wasm');
  const train = makeSet(N_TRAIN);
  const test = makeSet(N_TEST);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 64, activation: 'relu', inputShape: [NUM_FEATURES] }));
  model.add(tf.layers.dense({ units: 64, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 1 }));

  const mse = (x, y) => tf.tidy(() => tf.losses.meanSquaredError(y, model.predict(x)).dataSync()[0]);
  const losses = [];
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    const order = tf.util.createShuffledIndices(N_TRAIN);
    let epochLoss = 0;
    let batches = 0;
    for (let start = 0; start < N_TRAIN; start += BATCH) {
      const idx = tf.tensor1d(Array.from(order.slice(start, start + BATCH)), 'int32');
      const optimizer = tf.train.adam(LEARNING_RATE);
      const loss = optimizer.minimize(() => {
        const xb = train.x.gather(idx);
        const yb = train.y.gather(idx);
        return tf.losses.meanSquaredError(yb, model.predict(xb));
      }, true);
      epochLoss += loss.dataSync()[0];
      batches++;
      loss.dispose();
      idx.dispose();
    }
    losses.push(epochLoss / batches);
  }

  console.log(`loss ${losses[0].toFixed(4)} -> ${losses[losses.length - 1].toFixed(4)} | train mse ${mse(train.x, train.y).toFixed(4)} test mse ${mse(test.x, test.y).toFixed(4)} (target variance ${tf.moments(test.y).variance.dataSync()[0].toFixed(3)})`);
}

main();
