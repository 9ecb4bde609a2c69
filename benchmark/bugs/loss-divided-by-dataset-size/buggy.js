'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(8164);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Delivery time (in hours) from 6 standardized order features: distance, parcel weight, traffic
// index, hour of day, ... Custom training loop over shuffled mini-batches with plain SGD.
const N_TRAIN = 8000;
const N_TEST = 1000;
const N_FEATURES = 6;
const BATCH = 32;
const EPOCHS = 5;

function makeOrders(n) {
  const xs = [];
  const ys = [];
  for (let i = 0; i < n; i++) {
    const f = rng.array(N_FEATURES, () => rng.normal(0, 1));
    const hours = 2 + 1.5 * f[0] + 0.7 * f[1] * f[2] + 0.8 * Math.tanh(2 * f[3]) - 0.5 * f[4] + 0.3 * f[5] * f[5];
    xs.push(f);
    ys.push([hours + rng.normal(0, 0.2)]);
  }
  return { xs, ys };
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

  const optimizer = tf.train.sgd(0.03);
  const mse = (x, y) => tf.tidy(() => tf.losses.meanSquaredError(y, model.predict(x)).dataSync()[0]);
  const startMse = mse(xTrain, yTrain);
  const losses = [];
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    const order = tf.util.createShuffledIndices(N_TRAIN);
    let total = 0;
    let steps = 0;
    for (let start = 0; start < N_TRAIN; start += BATCH) {
      const batchIdx = Array.from(order.slice(start, start + BATCH));
      const loss = tf.tidy(() => {
        const idx = tf.tensor1d(batchIdx, 'int32');
        const xb = tf.gather(xTrain, idx);
        const yb = tf.gather(yTrain, idx);
        return optimizer.minimize(() => {
          const pred = model.predict(xb);
          return tf.sum(tf.square(pred.sub(yb))).div(xTrain.shape[0]);
        }, true);
      });
      total += loss.dataSync()[0];
      steps++;
      loss.dispose();
    }
    losses.push(total / steps);
  }

  const trainMse = mse(xTrain, yTrain);
  const testMse = mse(xTest, yTest);
  const testVar = tf.tidy(() => tf.moments(yTest).variance.dataSync()[0]);
  console.log(`loss ${losses[0].toFixed(4)} -> ${losses[losses.length - 1].toFixed(4)} train mse ${startMse.toFixed(3)} -> ${trainMse.toFixed(3)} | test mse ${testMse.toFixed(3)} test r2 ${(1 - testMse / testVar).toFixed(3)}`);
}

main();
