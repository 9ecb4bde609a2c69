'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(5821);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Energy use of a building from 8 standardized readings (temperature, occupancy, ...), trained
// with a hand-written mini-batch loop and Adam. Targets are in kWh/10, roughly unit scale.
const N_TRAIN = 2000;
const N_TEST = 500;
const N_FEATURES = 8;
const BATCH = 32;
const EPOCHS = 15;

function makeReadings(n) {
  const xs = [];
  const ys = [];
  for (let i = 0; i < n; i++) {
    const r = rng.array(N_FEATURES, () => rng.normal(0, 1));
    const load = 1.2 * r[0] - 0.8 * r[1] + 0.6 * r[2] * r[3] + Math.sin(1.5 * r[4]) + 0.4 * r[5] * r[5] - 0.3 * r[6];
    xs.push(r);
    ys.push([load + rng.normal(0, 0.1)]);
  }
  return { xs, ys };
}

async function main() {
  await tf.setBackend('wasm');
  const train = makeReadings(N_TRAIN);
  const test = makeReadings(N_TEST);
  const xTrain = tf.tensor2d(train.xs, [N_TRAIN, N_FEATURES]);
  const yTrain = tf.tensor2d(train.ys, [N_TRAIN, 1]);
  const xTest = tf.tensor2d(test.xs, [N_TEST, N_FEATURES]);
  const yTest = tf.tensor2d(test.ys, [N_TEST, 1]);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [N_FEATURES] }));
  model.add(tf.layers.dense({ units: 32, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 1 }));

  const optimizer = tf.train.adam(0.005);
  const losses = [];
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    const order = tf.util.createShuffledIndices(N_TRAIN);
    let epochLoss = 0;
    let batches = 0;
    for (let start = 0; start + BATCH <= N_TRAIN; start += BATCH) {
      const idx = tf.tensor1d(Array.from(order.slice(start, start + BATCH)), 'int32');
      const xb = tf.gather(xTrain, idx);
      const yb = tf.gather(yTrain, idx);
      const loss = optimizer.minimize(() => {
        const pred = model.predict(xb);
        const perSample = tf.losses.meanSquaredError(yb, pred, undefined, tf.Reduction.NONE);
        return perSample.mean();
      }, true);
      epochLoss += loss.dataSync()[0];
      batches++;
      tf.dispose([idx, xb, yb, loss]);
    }
    losses.push(epochLoss / batches);
  }

  const mse = (x, y) => tf.tidy(() => tf.losses.meanSquaredError(y, model.predict(x)).dataSync()[0]);
  const trainMse = mse(xTrain, yTrain);
  const testMse = mse(xTest, yTest);
  const testVar = tf.tidy(() => tf.moments(yTest).variance.dataSync()[0]);
  console.log(`loss ${losses[0].toFixed(4)} -> ${losses[losses.length - 1].toFixed(4)} train mse ${trainMse.toFixed(4)} | test mse ${testMse.toFixed(4)} test r2 ${(1 - testMse / testVar).toFixed(3)}`);
}

main();
