'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(9697);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Activity recognition from a wrist tracker: 16 summary features per 10-second window (mean and
// spread of acceleration on each axis, step cadence, heart rate, ...) classified into 4 activities
// (sitting, walking, running, cycling). A small pre-norm residual MLP written by hand (RMSNorm,
// two residual blocks), trained with Adam in a mini-batch loop. Held out: other users' windows.
const NUM_FEATURES = 16;
const NUM_CLASSES = 4;
const HIDDEN = 32;
const N_TRAIN = 2000;
const N_TEST = 600;
const BATCH = 64;
const EPOCHS = 20;
const EPS = 1e-6;

const prototypes = rng.array(NUM_CLASSES, () => rng.array(NUM_FEATURES, () => rng.normal(0, 1)));
const mixing = rng.array(NUM_FEATURES, () => rng.array(NUM_FEATURES, () => rng.normal(0, 0.5)));

function trackerWindows(n) {
  const xs = [];
  const ys = [];
  for (let i = 0; i < n; i++) {
    const activity = rng.int(0, NUM_CLASSES);
    const intensity = rng.uniform(0.6, 1.4);
    const latent = prototypes[activity].map((p) => p * intensity + rng.normal(0, 0.7));
    const row = mixing.map((w) => Math.tanh(w.reduce((s, wj, j) => s + wj * latent[j], 0)) + rng.normal(0, 0.1));
    xs.push(row);
    ys.push(activity);
  }
  return { xs, ys };
}

function dense(inUnits, outUnits) {
  const kernel = tf.variable(tf.randomNormal([inUnits, outUnits], 0, Math.sqrt(2 / inUnits)));
  const bias = tf.variable(tf.zeros([outUnits]));
  return { kernel, bias, apply: (x) => x.matMul(kernel).add(bias) };
}

function rmsNorm(x, gain) {
  const scale = x.square().mean(-1, true).add(EPS).sqrt();
  return x.div(scale).mul(gain);
}

async function main() {
  await tf.setBackend('wasm');

  const train = trackerWindows(N_TRAIN);
  const test = trackerWindows(N_TEST);
  const xTrain = tf.tensor2d(train.xs, [N_TRAIN, NUM_FEATURES]);
  const yTrain = tf.oneHot(tf.tensor1d(train.ys, 'int32'), NUM_CLASSES).toFloat();
  const xTest = tf.tensor2d(test.xs, [N_TEST, NUM_FEATURES]);
  const yTest = tf.tensor1d(test.ys, 'int32');

  const stem = dense(NUM_FEATURES, HIDDEN);
  const blocks = [0, 1].map(() => ({ gain: tf.variable(tf.ones([HIDDEN])), up: dense(HIDDEN, HIDDEN), down: dense(HIDDEN, HIDDEN) }));
  const finalGain = tf.variable(tf.ones([HIDDEN]));
  const head = dense(HIDDEN, NUM_CLASSES);

  function forward(x) {
    let h = stem.apply(x);
    for (const block of blocks) {
      h = h.add(block.down.apply(block.up.apply(rmsNorm(h, block.gain)).relu()));
    }
    return head.apply(rmsNorm(h, finalGain));
  }

  const optimizer = tf.train.adam(0.003);
  const numBatches = Math.floor(N_TRAIN / BATCH);
  const losses = [];
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    const order = tf.util.createShuffledIndices(N_TRAIN);
    let epochLoss = 0;
    for (let b = 0; b < numBatches; b++) {
      const batchLoss = tf.tidy(() => {
        const idx = tf.tensor1d(Int32Array.from(order.slice(b * BATCH, (b + 1) * BATCH)), 'int32');
        const xb = xTrain.gather(idx);
        const yb = yTrain.gather(idx);
        const loss = optimizer.minimize(() => tf.losses.softmaxCrossEntropy(yb, forward(xb)), true);
        return loss.dataSync()[0];
      });
      epochLoss += batchLoss / numBatches;
    }
    losses.push(epochLoss);
  }

  const testAcc = tf.tidy(() => forward(xTest).argMax(1).equal(yTest).mean().dataSync()[0]);
  const trainAcc = tf.tidy(() => forward(xTrain).argMax(1).equal(yTrain.argMax(1)).mean().dataSync()[0]);
  console.log(`loss ${losses[0].toFixed(3)} -> ${losses[EPOCHS - 1].toFixed(3)} train acc ${trainAcc.toFixed(3)} | held-out acc ${testAcc.toFixed(3)}`);
}

main();
