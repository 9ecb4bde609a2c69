'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(4821);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Small regression network written with raw variables, no tf.layers:
// y = 0.8*sin(2*x0) + 0.5*x1*x2 - 0.3*x3 + noise, four inputs drawn from N(0, 1).
// Gradients from tf.variableGrads and a hand-written SGD step.
const N_TRAIN = 800;
const N_TEST = 200;
const HIDDEN = 16;
const LR = 0.05;
const BATCH = 32;
const EPOCHS = 60;

function makeData(n) {
  const xs = [];
  const ys = [];
  for (let i = 0; i < n; i++) {
    const x = rng.array(4, () => rng.normal(0, 1));
    xs.push(x);
    ys.push([0.8 * Math.sin(2 * x[0]) + 0.5 * x[1] * x[2] - 0.3 * x[3] + rng.normal(0, 0.05)]);
  }
  return { xs, ys };
}

async function main() {
  await tf.setBackend('wasm');

  const train = makeData(N_TRAIN);
  const test = makeData(N_TEST);
  const xTrain = tf.tensor2d(train.xs, [N_TRAIN, 4]);
  const yTrain = tf.tensor2d(train.ys, [N_TRAIN, 1]);
  const xTest = tf.tensor2d(test.xs, [N_TEST, 4]);
  const yTest = tf.tensor2d(test.ys, [N_TEST, 1]);

  // weights
  const w1 = tf.variable(tf.randomNormal([4, HIDDEN], 0, 0.5));
  const b1 = tf.variable(tf.zeros([HIDDEN]));
  const w2 = tf.variable(tf.randomNormal([HIDDEN, 1], 0, 0.25));
  const b2 = tf.variable(tf.zeros([1]));
  const params = [w1, b1, w2, b2];

  const predict = (x) => x.matMul(w1).add(b1).tanh().matMul(w2).add(b2);
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
        // SGD step
        for (const p of params) {
          p.assign(p.sub(grads[p.name].mul(LR)));
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
