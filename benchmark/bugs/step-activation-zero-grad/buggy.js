'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(8164);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Two-layer network written with raw tf.variable weights (no layers API), trained with
// tf.variableGrads + optimizer.applyGradients on shuffled mini-batches. Task: 8 standardized
// inputs, positive when the first two inputs have the same sign (an XOR pattern), the rest noise.
const N_TRAIN = 1000;
const N_TEST = 400;
const N_IN = 8;
const N_HIDDEN = 32;
const BATCH = 32;
const EPOCHS = 30;

function makeData(n) {
  const xs = [];
  const ys = [];
  for (let i = 0; i < n; i++) {
    const r = rng.array(N_IN, () => rng.normal(0, 1));
    xs.push(r);
    ys.push(r[0] * r[1] > 0 ? 1 : 0);
  }
  return { xs, ys };
}

function initParams() {
  return {
    w1: tf.variable(tf.randomNormal([N_IN, N_HIDDEN], 0, Math.sqrt(2 / N_IN)), true, 'w1'),
    b1: tf.variable(tf.zeros([N_HIDDEN]), true, 'b1'),
    w2: tf.variable(tf.randomNormal([N_HIDDEN, 1], 0, Math.sqrt(1 / N_HIDDEN)), true, 'w2'),
    b2: tf.variable(tf.zeros([1]), true, 'b2'),
  };
}

function forward(params, x) {
  const h = tf.step(x.matMul(params.w1).add(params.b1));
  return h.matMul(params.w2).add(params.b2).sigmoid();
}

function bce(y, p) {
  return tf.losses.logLoss(y, p);
}

async function main() {
  await tf.setBackend('wasm');

  const train = makeData(N_TRAIN);
  const test = makeData(N_TEST);
  const xTrain = tf.tensor2d(train.xs, [N_TRAIN, N_IN]);
  const yTrain = tf.tensor2d(train.ys, [N_TRAIN, 1]);
  const xTest = tf.tensor2d(test.xs, [N_TEST, N_IN]);
  const yTest = tf.tensor2d(test.ys, [N_TEST, 1]);

  const params = initParams();
  const optimizer = tf.train.adam(0.01);
  const losses = [];
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    const order = Array.from(tf.util.createShuffledIndices(N_TRAIN));
    let epochLoss = 0;
    let batches = 0;
    for (let i = 0; i < N_TRAIN; i += BATCH) {
      tf.tidy(() => {
        const idx = tf.tensor1d(order.slice(i, i + BATCH), 'int32');
        const xb = tf.gather(xTrain, idx);
        const yb = tf.gather(yTrain, idx);
        const { value, grads } = tf.variableGrads(() => bce(yb, forward(params, xb)));
        optimizer.applyGradients(grads);
        epochLoss += value.dataSync()[0];
        batches++;
      });
    }
    losses.push(epochLoss / batches);
  }

  const evaluate = (x, y) => tf.tidy(() => {
    const p = forward(params, x);
    const loss = bce(y, p).dataSync()[0];
    const acc = p.greater(0.5).toFloat().equal(y).mean().dataSync()[0];
    return [loss, acc];
  });
  const [trainLoss, trainAcc] = evaluate(xTrain, yTrain);
  const [testLoss, testAcc] = evaluate(xTest, yTest);
  console.log(`loss ${losses[0].toFixed(3)} -> ${losses[losses.length - 1].toFixed(3)} acc ${trainAcc.toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
