'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(7342);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Delivery time regression: minutes late (standardized) of a parcel from 10 standardized
// route features (distance, stops, traffic index, weather, ...). Two-layer network written with
// raw variables, gradients from tf.variableGrads and a hand-written SGD-with-momentum update.
const N_FEATURES = 10;
const N_TRAIN = 1000;
const N_TEST = 300;
const HIDDEN = 32;
const LR = 0.01;
const MOMENTUM = 0.9;
const BATCH = 32;
const EPOCHS = 30;

function makeRoutes(n) {
  const xs = [];
  const ys = [];
  for (let i = 0; i < n; i++) {
    const f = rng.array(N_FEATURES, () => rng.normal(0, 1));
    const late = 0.7 * f[0] + 0.5 * Math.tanh(2 * f[1]) + 0.4 * f[2] * f[3] - 0.3 * f[4] * f[4] + 0.3 * f[5] + rng.normal(0, 0.15);
    xs.push(f);
    ys.push([late]);
  }
  return { xs, ys };
}

async function main() {
  await tf.setBackend('wasm');

  const train = makeRoutes(N_TRAIN);
  const test = makeRoutes(N_TEST);
  const xTrain = tf.tensor2d(train.xs, [N_TRAIN, N_FEATURES]);
  const yTrain = tf.tensor2d(train.ys, [N_TRAIN, 1]);
  const xTest = tf.tensor2d(test.xs, [N_TEST, N_FEATURES]);
  const yTest = tf.tensor2d(test.ys, [N_TEST, 1]);

  // weights
  const w1 = tf.variable(tf.randomNormal([N_FEATURES, HIDDEN], 0, Math.sqrt(2 / N_FEATURES)));
  const b1 = tf.variable(tf.zeros([HIDDEN]));
  const w2 = tf.variable(tf.randomNormal([HIDDEN, 1], 0, Math.sqrt(1 / HIDDEN)));
  const b2 = tf.variable(tf.zeros([1]));
  const params = [w1, b1, w2, b2];
  const velocity = params.map((p) => tf.variable(tf.zerosLike(p)));

  const predict = (x) => x.matMul(w1).add(b1).relu().matMul(w2).add(b2);
  const mse = (x, y) => predict(x).sub(y).square().mean();

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
        // momentum step
        params.forEach((p, i) => {
          const v = velocity[i];
          v.assign(v.mul(MOMENTUM).add(grads[p.name]));
          p.assign(p.sub(v.mul(LR)));
        });
        epochLoss += value.dataSync()[0];
        batches++;
      });
    }
    losses.push(epochLoss / batches);
  }

  const trainMse = tf.tidy(() => mse(xTrain, yTrain).dataSync()[0]);
  const testMse = tf.tidy(() => mse(xTest, yTest).dataSync()[0]);
  const targetVar = tf.tidy(() => tf.moments(yTest).variance.dataSync()[0]);
  const trace = losses.filter((_, i) => i % 5 === 0 || i === losses.length - 1).map((l) => l.toPrecision(3)).join(' ');
  console.log(`epoch loss ${trace} | train mse ${trainMse.toPrecision(3)} | test mse ${testMse.toPrecision(3)} (target variance ${targetVar.toFixed(3)})`);
}

main();
