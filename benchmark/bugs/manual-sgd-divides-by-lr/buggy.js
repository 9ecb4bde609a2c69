'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(2957);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Food-delivery time regression: predict the (standardized) delivery time of an order from
// 5 standardized features (distance, prep time of the restaurant, courier load, rain,
// hour-of-day rush index). Two-layer network written with raw tf.variable weights, gradients
// from tf.variableGrads and a plain SGD update on every weight.
const N_FEATURES = 5;
const N_TRAIN = 800;
const N_TEST = 300;
const HIDDEN = 24;
const LR = 0.01;
const BATCH = 32;
const EPOCHS = 40;

function makeOrders(n) {
  const xs = [];
  const ys = [];
  for (let i = 0; i < n; i++) {
    const [dist, prep, load, rain, rush] = rng.array(N_FEATURES, () => rng.normal(0, 1));
    const t = 0.7 * dist + 0.4 * prep + 0.3 * Math.max(load, 0) * (1 + 0.5 * rain) + 0.25 * rush * rush - 0.25;
    xs.push([dist, prep, load, rain, rush]);
    ys.push([t + rng.normal(0, 0.1)]);
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

  const w1 = tf.variable(tf.randomNormal([N_FEATURES, HIDDEN], 0, Math.sqrt(2 / N_FEATURES)));
  const b1 = tf.variable(tf.zeros([HIDDEN]));
  const w2 = tf.variable(tf.randomNormal([HIDDEN, 1], 0, Math.sqrt(1 / HIDDEN)));
  const b2 = tf.variable(tf.zeros([1]));
  const params = [w1, b1, w2, b2];

  const predict = (x) => x.matMul(w1).add(b1).relu().matMul(w2).add(b2);
  const mse = (x, y) => tf.losses.meanSquaredError(y, predict(x));

  const losses = [];
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    const order = tf.util.createShuffledIndices(N_TRAIN);
    let epochLoss = 0;
    let batches = 0;
    for (let start = 0; start < N_TRAIN; start += BATCH) {
      const idx = Array.from(order.slice(start, start + BATCH));
      tf.tidy(() => {
        const ids = tf.tensor1d(idx, 'int32');
        const xb = xTrain.gather(ids);
        const yb = yTrain.gather(ids);
        const { value, grads } = tf.variableGrads(() => mse(xb, yb), params);
        for (const w of params) {
          w.assign(w.sub(grads[w.name].div(LR)));
        }
        epochLoss += value.dataSync()[0];
        batches++;
      });
    }
    losses.push(epochLoss / batches);
  }

  const trainMse = tf.tidy(() => mse(xTrain, yTrain).dataSync()[0]);
  const testMse = tf.tidy(() => mse(xTest, yTest).dataSync()[0]);
  const targetVar = tf.tidy(() => tf.moments(yTest).variance.dataSync()[0]);
  console.log(`loss ${losses[0].toFixed(4)} -> ${losses[losses.length - 1].toFixed(4)} train mse ${trainMse.toFixed(4)} | test mse ${testMse.toFixed(4)} (target variance ${targetVar.toFixed(4)})`);
}

main();
