'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(9587);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// "More like this" for a music catalogue: 32 audio descriptors per track (MFCC
// means, spectral centroid/rolloff, tempo, chroma energy) and 10 labelled styles. An MLP maps a
// track to an L2-normalized 16-d embedding trained with the triplet loss on random (anchor,
// same-style positive, other-style negative) triplets, using cosine distance. A new track is
// labelled with the style of its most similar catalogue track.
const N_STYLES = 10;
const N_FEATURES = 32;
const EMBED_DIM = 16;
const N_TRAIN = 1500;
const N_TEST = 500;

const STEPS = 400;
const BATCH_SIZE = 64;
const LEARNING_RATE = 0.002;
const MARGIN = 0.3;

const styleCentres = rng.array(N_STYLES, () => rng.array(N_FEATURES, () => rng.normal(0, 1)));
// recording conditions (loudness, microphone, mastering) shift many descriptors together
const conditionLoadings = rng.array(4, () => rng.array(N_FEATURES, () => rng.normal(0, 1)));

function loadTracks(n) {
  const xs = [];
  const labels = [];
  for (let i = 0; i < n; i++) {
    const style = rng.int(0, N_STYLES);
    const conditions = conditionLoadings.map(() => rng.normal(0, 3));
    xs.push(styleCentres[style].map((m, j) => m + conditions.reduce((s, c, k) => s + c * conditionLoadings[k][j], 0) + rng.normal(0, 1)));
    labels.push(style);
  }
  return { xs, labels };
}

function sampleTriplets(labels, byStyle, count) {
  const a = [];
  const p = [];
  const n = [];
  for (let k = 0; k < count; k++) {
    const i = rng.int(0, labels.length);
    const same = byStyle[labels[i]];
    const other = byStyle[(labels[i] + 1 + rng.int(0, N_STYLES - 1)) % N_STYLES];
    a.push(i);
    p.push(same[rng.int(0, same.length)]);
    n.push(other[rng.int(0, other.length)]);
  }
  return { a, p, n };
}

async function main() {
  await tf.setBackend('wasm');

  const train = loadTracks(N_TRAIN);
  const test = loadTracks(N_TEST);
  const xTrain = tf.tensor2d(train.xs, [N_TRAIN, N_FEATURES]);
  const xTest = tf.tensor2d(test.xs, [N_TEST, N_FEATURES]);
  const byStyle = rng.array(N_STYLES, () => []);
  train.labels.forEach((s, i) => byStyle[s].push(i));

  const encoder = tf.sequential();
  encoder.add(tf.layers.dense({ units: 64, activation: 'relu', inputShape: [N_FEATURES] }));
  encoder.add(tf.layers.dense({ units: 64, activation: 'relu' }));
  encoder.add(tf.layers.dense({ units: EMBED_DIM }));

  const embed = (x) => {
    const e = encoder.apply(x);
    return e.div(e.norm('euclidean', -1, true).add(1e-8));
  };
  const cosineDistance = (u, v) => tf.scalar(1).sub(u.mul(v).sum(-1));
  const tripletLoss = (ea, ep, en) => tf.relu(cosineDistance(ea, ep).sub(cosineDistance(ea, en)).add(MARGIN)).mean();

  const optimizer = tf.train.adam(LEARNING_RATE);
  const losses = [];
  for (let step = 0; step < STEPS; step++) {
    const t = sampleTriplets(train.labels, byStyle, BATCH_SIZE);
    const cost = tf.tidy(() => {
      const xa = xTrain.gather(tf.tensor1d(t.a, 'int32'));
      const xp = xTrain.gather(tf.tensor1d(t.p, 'int32'));
      const xn = xTrain.gather(tf.tensor1d(t.n, 'int32'));
      return optimizer.minimize(() => tripletLoss(embed(xa), embed(xp), embed(xn)), true);
    });
    losses.push(cost.dataSync()[0]);
    cost.dispose();
  }

  // Label each track with the style of its most similar catalogue (training) track.
  const nearestNeighbourAccuracy = (x, labels, excludeSelf) =>
    tf.tidy(() => {
      let sim = embed(x).matMul(embed(xTrain), false, true);
      if (excludeSelf) sim = sim.sub(tf.eye(N_TRAIN).mul(10));
      const nn = sim.argMax(-1).dataSync();
      let correct = 0;
      nn.forEach((j, i) => { if (train.labels[j] === labels[i]) correct++; });
      return correct / labels.length;
    });
  const trainAcc = nearestNeighbourAccuracy(xTrain, train.labels, true);
  const testAcc = nearestNeighbourAccuracy(xTest, test.labels, false);
  const first = losses.slice(0, 10).reduce((s, v) => s + v, 0) / 10;
  const last = losses.slice(-10).reduce((s, v) => s + v, 0) / 10;
  console.log(`triplet loss ${first.toFixed(3)} -> ${last.toFixed(3)} train 1-nn acc ${trainAcc.toFixed(3)} | test 1-nn acc ${testAcc.toFixed(3)} (chance ${(1 / N_STYLES).toFixed(3)})`);
}

main();
