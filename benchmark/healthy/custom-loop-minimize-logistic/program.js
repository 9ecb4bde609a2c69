'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(2207);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Two interleaving half-moons (the sklearn make_moons shape) with Gaussian noise, classified
// by a one-hidden-layer network written directly with tf ops and tf.variable weights,
// trained in a hand-written mini-batch loop with optimizer.minimize.
const NUM_FEATURES = 2;
const HIDDEN = 16;
const BATCH_SIZE = 32;
const EPOCHS = 40;
const LOG_EVERY = 150;

function makeMoons(n, noise = 0.15) {
  const xs = [];
  const ys = [];
  for (let i = 0; i < n; i++) {
    const label = rng.int(0, 2);
    const t = rng.uniform(0, Math.PI);
    const x = label === 0 ? Math.cos(t) : 1 - Math.cos(t);
    const y = label === 0 ? Math.sin(t) : 0.5 - Math.sin(t);
    xs.push([x + rng.normal(0, noise), y + rng.normal(0, noise)]);
    ys.push(label);
  }
  return { xs, ys };
}

async function main() {
  await tf.setBackend('wasm');

  const train = makeMoons(600);
  const test = makeMoons(400);
  const xTrain = tf.tensor2d(train.xs, [train.xs.length, NUM_FEATURES]);
  const yTrain = tf.tensor2d(train.ys, [train.ys.length, 1]);
  const xTest = tf.tensor2d(test.xs, [test.xs.length, NUM_FEATURES]);
  const yTest = tf.tensor2d(test.ys, [test.ys.length, 1]);

  // He-initialized hidden layer, small output layer, zero biases.
  const w1 = tf.variable(tf.randomNormal([NUM_FEATURES, HIDDEN], 0, Math.sqrt(2 / NUM_FEATURES)), true, 'w1');
  const b1 = tf.variable(tf.zeros([HIDDEN]), true, 'b1');
  const w2 = tf.variable(tf.randomNormal([HIDDEN, 1], 0, Math.sqrt(1 / HIDDEN)), true, 'w2');
  const b2 = tf.variable(tf.zeros([1]), true, 'b2');

  function logits(x) {
    return x.matMul(w1).add(b1).relu().matMul(w2).add(b2);
  }

  const optimizer = tf.train.adam(0.02);

  const n = train.xs.length;
  const indices = Array.from({ length: n }, (_, i) => i);
  const losses = [];
  let step = 0;
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    tf.util.shuffle(indices);
    for (let start = 0; start < n; start += BATCH_SIZE) {
      const batchIdx = indices.slice(start, start + BATCH_SIZE);
      const lossValue = tf.tidy(() => {
        const idx = tf.tensor1d(batchIdx, 'int32');
        const xb = xTrain.gather(idx);
        const yb = yTrain.gather(idx);
        const cost = optimizer.minimize(() => tf.losses.sigmoidCrossEntropy(yb, logits(xb)), true);
        return cost.dataSync()[0];
      });
      losses.push(lossValue);
      if (step % LOG_EVERY === 0) console.log(`step ${step} (epoch ${epoch}) loss ${lossValue.toFixed(4)}`);
      step++;
    }
  }

  const testAcc = tf.tidy(() => logits(xTest).greater(0).cast('float32').equal(yTest).cast('float32').mean().dataSync()[0]);
  const testLoss = tf.tidy(() => tf.losses.sigmoidCrossEntropy(yTest, logits(xTest)).dataSync()[0]);
  const avg = (arr) => arr.reduce((s, v) => s + v, 0) / arr.length;
  const perEpoch = Math.ceil(n / BATCH_SIZE);
  console.log(`loss ${avg(losses.slice(0, perEpoch)).toFixed(4)} -> ${avg(losses.slice(-perEpoch)).toFixed(4)} (first/last epoch mean) | held-out loss ${testLoss.toFixed(4)} accuracy ${testAcc.toFixed(3)} after ${EPOCHS} epochs (${step} steps)`);
}

main();
