'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(2958);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Activity segmentation from a wrist sensor: every 2-second window of a recording gets a tag
// (resting, walking, running, cycling). Each window is summarised by 6 features; recordings
// last 4-12 windows and are zero-padded to 30 windows, padding tagged 0. A small per-window
// network (dense layers applied to every step) trained with a hand-written mini-batch loop.
const TAGS = ['<pad>', 'resting', 'walking', 'running', 'cycling'];
const MAX_WINDOWS = 30;
const N_FEATURES = 6;
const N_TRAIN = 600;
const N_TEST = 300;

const EPOCHS = 20;
const BATCH_SIZE = 32;
const LEARNING_RATE = 0.005;

// mean of each feature per activity: |acc|-1g mean (g), acc std (g), dominant frequency (Hz),
// gyro std (rad/s), step cadence (steps/s), vertical jerk (g/s)
const PROFILES = {
  resting: [0, 0, 0, 0, 0, 0],
  walking: [0.3, 0.25, 1.8, 0.6, 1.8, 0.4],
  running: [0.9, 0.7, 2.8, 1.2, 2.7, 1.3],
  cycling: [0.15, 0.2, 1.2, 0.3, 0.0, 0.2],
};
const ACTIVITY_FREQ = [0.4, 0.25, 0.15, 0.2];

// the logger stores each feature with two decimals
const round2 = (v) => Math.round(v * 100) / 100;

function windowFeatures(tag) {
  if (TAGS[tag] === 'resting') return PROFILES.resting.map((m) => round2(m + Math.abs(rng.normal(0, 0.002))));
  return PROFILES[TAGS[tag]].map((m) => round2(Math.max(0, m + rng.normal(0, 0.15 * (1 + m)))));
}

function drawActivity() {
  let u = rng.random();
  for (let k = 0; k < ACTIVITY_FREQ.length; k++) {
    u -= ACTIVITY_FREQ[k];
    if (u < 0) return k + 1;
  }
  return ACTIVITY_FREQ.length;
}

function makeRecordings(n) {
  const xs = [];
  const tags = [];
  const mask = [];
  for (let i = 0; i < n; i++) {
    const len = rng.int(4, 13);
    const x = [];
    const t = [];
    let tag = drawActivity();
    for (let w = 0; w < MAX_WINDOWS; w++) {
      if (w >= len) {
        x.push(new Array(N_FEATURES).fill(0));
        t.push(0);
        continue;
      }
      if (w > 0 && rng.random() < 0.25) tag = drawActivity();
      x.push(windowFeatures(tag));
      t.push(tag);
    }
    xs.push(x);
    tags.push(t);
    mask.push(t.map((_, w) => (w < len ? 1 : 0)));
  }
  return { xs, tags, mask };
}

async function main() {
  await tf.setBackend('wasm');

  const train = makeRecordings(N_TRAIN);
  const test = makeRecordings(N_TEST);
  const xTrain = tf.tensor3d(train.xs, [N_TRAIN, MAX_WINDOWS, N_FEATURES]);
  const yTrain = tf.oneHot(tf.tensor2d(train.tags, [N_TRAIN, MAX_WINDOWS], 'int32'), TAGS.length).toFloat();
  const mTrain = tf.tensor2d(train.mask, [N_TRAIN, MAX_WINDOWS]);
  const xTest = tf.tensor3d(test.xs, [N_TEST, MAX_WINDOWS, N_FEATURES]);
  const yTest = tf.oneHot(tf.tensor2d(test.tags, [N_TEST, MAX_WINDOWS], 'int32'), TAGS.length).toFloat();
  const mTest = tf.tensor2d(test.mask, [N_TEST, MAX_WINDOWS]);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [MAX_WINDOWS, N_FEATURES] }));
  model.add(tf.layers.dense({ units: 32, activation: 'relu' }));
  model.add(tf.layers.dense({ units: TAGS.length }));

  const optimizer = tf.train.adam(LEARNING_RATE);
  const numBatches = Math.ceil(N_TRAIN / BATCH_SIZE);
  const losses = [];

  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    const order = tf.util.createShuffledIndices(N_TRAIN);
    let epochLoss = 0;
    for (let b = 0; b < numBatches; b++) {
      const batchIdx = Array.from(order.slice(b * BATCH_SIZE, (b + 1) * BATCH_SIZE));
      const cost = tf.tidy(() => {
        const idx = tf.tensor1d(batchIdx, 'int32');
        const xb = xTrain.gather(idx);
        const yb = yTrain.gather(idx);
        return optimizer.minimize(() => tf.losses.softmaxCrossEntropy(yb, model.apply(xb, { training: true }), mTrain.gather(idx)), true);
      });
      epochLoss += cost.dataSync()[0] / numBatches;
      cost.dispose();
    }
    losses.push(epochLoss);
  }

  const hits = (y, logits) => logits.argMax(-1).equal(y.argMax(-1)).toFloat();
  const evaluate = (x, y, m) =>
    tf.tidy(() => {
      const logits = model.predict(x);
      const loss = tf.losses.softmaxCrossEntropy(y, logits, m).dataSync()[0];
      const acc = hits(y, logits).mul(m).sum().div(m.sum()).dataSync()[0];
      const windowAcc = hits(y, logits).mul(m).sum().div(m.sum()).dataSync()[0];
      const resting = y.argMax(-1).equal(1).toFloat();
      const restingRecall = hits(y, logits).mul(resting).sum().div(resting.sum()).dataSync()[0];
      return [loss, acc, windowAcc, restingRecall];
    });
  const [trainLoss, trainAcc] = evaluate(xTrain, yTrain, mTrain);
  const [testLoss, testAcc, testWindowAcc, testResting] = evaluate(xTest, yTest, mTest);
  console.log(`loss ${losses[0].toFixed(3)} -> ${losses[losses.length - 1].toFixed(3)} acc ${trainAcc.toFixed(3)} (eval loss ${trainLoss.toFixed(3)}) | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)} | recorded windows: test acc ${testWindowAcc.toFixed(3)} resting recall ${testResting.toFixed(3)}`);
}

main();
