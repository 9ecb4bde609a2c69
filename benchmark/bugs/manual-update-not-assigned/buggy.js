'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(8861);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Two-layer network written from scratch with tf.variable weights and plain full-batch
// gradient descent (no layers API, no optimizer object). Task: is a 2-D point inside the
// circle of radius 1.2 around the origin? Points are uniform in [-2, 2] x [-2, 2].
const HIDDEN = 16;
const LEARNING_RATE = 0.5;
const STEPS = 400;

function makeData(n) {
  const xs = [];
  const ys = [];
  for (let i = 0; i < n; i++) {
    const a = rng.uniform(-2, 2);
    const b = rng.uniform(-2, 2);
    xs.push([a, b]);
    ys.push([a * a + b * b < 1.44 ? 1 : 0]);
  }
  return { xs, ys };
}

async function main() {
  await tf.setBackend('wasm');

  const train = makeData(600);
  const test = makeData(300);
  const xTrain = tf.tensor2d(train.xs, [600, 2]);
  const yTrain = tf.tensor2d(train.ys, [600, 1]);
  const xTest = tf.tensor2d(test.xs, [300, 2]);
  const yTest = tf.tensor2d(test.ys, [300, 1]);

  const w1 = tf.variable(tf.randomNormal([2, HIDDEN], 0, 0.7), true, 'w1');
  const b1 = tf.variable(tf.zeros([HIDDEN]), true, 'b1');
  const w2 = tf.variable(tf.randomNormal([HIDDEN, 1], 0, 0.3), true, 'w2');
  const b2 = tf.variable(tf.zeros([1]), true, 'b2');
  const params = [w1, b1, w2, b2];

  const logits = (x) => x.matMul(w1).add(b1).tanh().matMul(w2).add(b2);
  const lossOf = (x, y) => tf.losses.sigmoidCrossEntropy(y, logits(x));

  const losses = [];
  for (let step = 0; step < STEPS; step++) {
    tf.tidy(() => {
      const { value, grads } = tf.variableGrads(() => lossOf(xTrain, yTrain), params);
      for (const p of params) {
        p.sub(grads[p.name].mul(LEARNING_RATE));
      }
      losses.push(value.dataSync()[0]);
    });
  }

  const evaluate = (x, y) => tf.tidy(() => {
    const loss = lossOf(x, y).dataSync()[0];
    const acc = logits(x).greater(0).toFloat().equal(y).toFloat().mean().dataSync()[0];
    return [loss, acc];
  });
  const [, trainAcc] = evaluate(xTrain, yTrain);
  const [testLoss, testAcc] = evaluate(xTest, yTest);
  console.log(`loss ${losses[0].toFixed(3)} -> ${losses[losses.length - 1].toFixed(3)} acc ${trainAcc.toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
