'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(9526);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Speaker lookup from 24 standardized voice features (pitch statistics, formants, spectral tilt)
// for 12 enrolled speakers. An MLP maps a clip to a 16-d embedding trained with the triplet loss
// on random (anchor, same-speaker positive, other-speaker negative) triplets; a new clip is
// assigned the speaker of its nearest enrolled clip in embedding space.
const N_SPEAKERS = 12;
const N_FEATURES = 24;
const EMBED_DIM = 16;
const N_TRAIN = 1200;
const N_TEST = 480;

const STEPS = 300;
const BATCH_SIZE = 64;
const LEARNING_RATE = 0.002;
const MARGIN = 1;

const voiceprints = rng.array(N_SPEAKERS, () => rng.array(N_FEATURES, () => rng.normal(0, 1)));

function recordClips(n) {
  const xs = [];
  const labels = [];
  for (let i = 0; i < n; i++) {
    const s = rng.int(0, N_SPEAKERS);
    xs.push(voiceprints[s].map((m) => m + rng.normal(0, 0.8)));
    labels.push(s);
  }
  return { xs, labels };
}

function sampleTriplets(labels, bySpeaker, count) {
  const a = [];
  const p = [];
  const n = [];
  for (let k = 0; k < count; k++) {
    const i = rng.int(0, labels.length);
    const same = bySpeaker[labels[i]];
    const other = bySpeaker[(labels[i] + 1 + rng.int(0, N_SPEAKERS - 1)) % N_SPEAKERS];
    a.push(i);
    p.push(same[rng.int(0, same.length)]);
    n.push(other[rng.int(0, other.length)]);
  }
  return { a, p, n };
}

async function main() {
  await tf.setBackend('wasm');

  const train = recordClips(N_TRAIN);
  const test = recordClips(N_TEST);
  const xTrain = tf.tensor2d(train.xs, [N_TRAIN, N_FEATURES]);
  const xTest = tf.tensor2d(test.xs, [N_TEST, N_FEATURES]);
  const bySpeaker = rng.array(N_SPEAKERS, () => []);
  train.labels.forEach((s, i) => bySpeaker[s].push(i));

  const encoder = tf.sequential();
  encoder.add(tf.layers.dense({ units: 64, activation: 'relu', inputShape: [N_FEATURES] }));
  encoder.add(tf.layers.dense({ units: 64, activation: 'relu' }));
  encoder.add(tf.layers.dense({ units: EMBED_DIM }));

  const sqDist = (u, v) => u.sub(v).square().sum(-1);
  const tripletLoss = (ea, ep, en) => sqDist(ea, ep).sub(sqDist(ea, en)).add(MARGIN).mean();

  const optimizer = tf.train.adam(LEARNING_RATE);
  const losses = [];
  for (let step = 0; step < STEPS; step++) {
    const t = sampleTriplets(train.labels, bySpeaker, BATCH_SIZE);
    const cost = tf.tidy(() => {
      const xa = xTrain.gather(tf.tensor1d(t.a, 'int32'));
      const xp = xTrain.gather(tf.tensor1d(t.p, 'int32'));
      const xn = xTrain.gather(tf.tensor1d(t.n, 'int32'));
      return optimizer.minimize(() => tripletLoss(encoder.apply(xa), encoder.apply(xp), encoder.apply(xn)), true);
    });
    losses.push(cost.dataSync()[0]);
    cost.dispose();
  }

  // Assign each clip the speaker of its nearest enrolled (training) clip.
  const nearestNeighbourAccuracy = (x, labels, excludeSelf) =>
    tf.tidy(() => {
      const e = encoder.predict(x);
      const ref = encoder.predict(xTrain);
      let d = e.square().sum(-1, true).add(ref.square().sum(-1).expandDims(0)).sub(e.matMul(ref, false, true).mul(2));
      if (excludeSelf) d = d.add(tf.eye(N_TRAIN).mul(1e30));
      const nn = d.argMin(-1).dataSync();
      let correct = 0;
      nn.forEach((j, i) => { if (train.labels[j] === labels[i]) correct++; });
      return correct / labels.length;
    });
  const trainAcc = nearestNeighbourAccuracy(xTrain, train.labels, true);
  const testAcc = nearestNeighbourAccuracy(xTest, test.labels, false);
  const embNorm = tf.tidy(() => encoder.predict(xTest).norm('euclidean', -1).mean().dataSync()[0]);
  const first = losses.slice(0, 10).reduce((s, v) => s + v, 0) / 10;
  const last = losses.slice(-10).reduce((s, v) => s + v, 0) / 10;
  console.log(`loss ${first.toFixed(3)} -> ${last.toFixed(3)} train 1-nn acc ${trainAcc.toFixed(3)} | test 1-nn acc ${testAcc.toFixed(3)} mean embedding norm ${embNorm.toFixed(2)}`);
}

main();
