'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(7531);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Fit y = a x^3 + b x^2 + c x + d to noisy samples of a known cubic, with a hand-written
// training loop over four scalar variables (tfjs-examples polynomial-regression-core).
const TRUE_COEFFS = { a: -0.8, b: -0.2, c: 0.9, d: 0.5 };
const NUM_POINTS = 100;
const NUM_ITERATIONS = 200;
const LEARNING_RATE = 0.5;

function sampleCubic(n, { a, b, c, d }, sigma = 0.04) {
  const xs = rng.array(n, () => rng.uniform(-1, 1));
  const ys = xs.map((x) => a * x ** 3 + b * x ** 2 + c * x + d + rng.normal(0, sigma));
  return { xs, ys };
}

async function main() {
  await tf.setBackend('wasm');
  const trainData = sampleCubic(NUM_POINTS, TRUE_COEFFS);
  const testData = sampleCubic(NUM_POINTS, TRUE_COEFFS);
  const xs = tf.tensor1d(trainData.xs);
  const rawYs = tf.tensor1d(trainData.ys);
  const xsTest = tf.tensor1d(testData.xs);
  const rawYsTest = tf.tensor1d(testData.ys);

  // Normalize y to [0, 1] with the training set's min and max, as the example does.
  const ymin = rawYs.min();
  const yrange = rawYs.max().sub(ymin);
  const ys = rawYs.sub(ymin).div(yrange);
  const ysTest = rawYsTest.sub(ymin).div(yrange);

  const a = tf.variable(tf.scalar(Math.random()));
  const b = tf.variable(tf.scalar(Math.random()));
  const c = tf.variable(tf.scalar(Math.random()));
  const d = tf.variable(tf.scalar(Math.random()));

  function predict(x) {
    // y = a * x ^ 3 + b * x ^ 2 + c * x + d
    return tf.tidy(() => a.mul(x.pow(tf.scalar(3, 'int32'))).add(b.mul(x.square())).add(c.mul(x)).add(d));
  }

  function loss(prediction, labels) {
    return prediction.sub(labels).square().mean();
  }

  const optimizer = tf.train.sgd(LEARNING_RATE);

  const losses = [];
  for (let iter = 0; iter < NUM_ITERATIONS; iter++) {
    const cost = optimizer.minimize(() => loss(predict(xs), ys), true);
    losses.push(cost.dataSync()[0]);
    cost.dispose();
    await tf.nextFrame();
  }

  const testMse = tf.tidy(() => loss(predict(xsTest), ysTest).dataSync()[0]);
  const baseline = tf.tidy(() => loss(ys.mean(), ysTest).dataSync()[0]);
  // The true coefficients expressed in the normalized units the model is fitted in.
  const r = yrange.dataSync()[0];
  const m = ymin.dataSync()[0];
  const trueNorm = [TRUE_COEFFS.a / r, TRUE_COEFFS.b / r, TRUE_COEFFS.c / r, (TRUE_COEFFS.d - m) / r];
  const learned = [a, b, c, d].map((v) => v.dataSync()[0]);
  const fmt = (arr) => arr.map((v) => v.toFixed(3)).join(', ');
  console.log(`loss ${losses[0].toFixed(4)} -> ${losses[losses.length - 1].toFixed(4)} | test MSE ${testMse.toFixed(4)} vs baseline ${baseline.toFixed(4)} | a,b,c,d learned [${fmt(learned)}] true [${fmt(trueNorm)}] after ${NUM_ITERATIONS} iterations`);
}

main();
