'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(6247);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Fault retrieval for industrial pumps: each recording is 20 standardized vibration-spectrum
// features and belongs to one of 4 conditions. Only 6 spectral bands respond to the fault; the
// rest follow load and rotation speed. An MLP maps a recording to an 8-d embedding trained with
// the triplet loss (anchor, positive of the same condition, negative), so that a new recording is
// labelled by its nearest labelled recording in embedding space.
const CONDITIONS = ['healthy', 'imbalance', 'misalignment', 'bearing-wear'];
const N_FEATURES = 20;
const N_FAULT_BANDS = 6;
const EMBED_DIM = 8;
const N_TRAIN = 1200;
const N_TEST = 400;

const EPOCHS = 12;
const BATCH_SIZE = 64;
const LEARNING_RATE = 0.002;
const MARGIN = 1;

const signatures = CONDITIONS.map(() => rng.array(N_FAULT_BANDS, () => rng.normal(0, 1)));

function makeRecordings(n) {
  const xs = [];
  const labels = [];
  for (let i = 0; i < n; i++) {
    const c = rng.int(0, CONDITIONS.length);
    const bands = signatures[c].map((m) => m + rng.normal(0, 0.4));
    const other = rng.array(N_FEATURES - N_FAULT_BANDS, () => rng.normal(0, 1.5));
    xs.push(bands.concat(other));
    labels.push(c);
  }
  return { xs, labels };
}

function byCondition(labels) {
  const groups = CONDITIONS.map(() => []);
  labels.forEach((c, i) => groups[c].push(i));
  return groups;
}

async function main() {
  await tf.setBackend('wasm');

  const train = makeRecordings(N_TRAIN);
  const test = makeRecordings(N_TEST);
  const xTrain = tf.tensor2d(train.xs, [N_TRAIN, N_FEATURES]);
  const xTest = tf.tensor2d(test.xs, [N_TEST, N_FEATURES]);
  const groups = byCondition(train.labels);

  const encoder = tf.sequential();
  encoder.add(tf.layers.dense({ units: 64, activation: 'relu', inputShape: [N_FEATURES] }));
  encoder.add(tf.layers.dense({ units: 32, activation: 'relu' }));
  encoder.add(tf.layers.dense({ units: EMBED_DIM }));

  const sqDist = (a, b) => a.sub(b).square().sum(-1);
  const tripletLoss = (a, p, n) => tf.relu(sqDist(a, p).sub(sqDist(a, n)).add(MARGIN)).mean();

  const optimizer = tf.train.adam(LEARNING_RATE);
  const numBatches = Math.floor(N_TRAIN / BATCH_SIZE);
  const losses = [];
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    const order = tf.util.createShuffledIndices(N_TRAIN);
    let epochLoss = 0;
    for (let b = 0; b < numBatches; b++) {
      const anchors = Array.from(order.slice(b * BATCH_SIZE, (b + 1) * BATCH_SIZE));
      const positives = [];
      for (const anchor of anchors) {
        const same = groups[train.labels[anchor]];
        positives.push(same[rng.int(0, same.length)]);
      }
      const cost = tf.tidy(() => {
        const xa = xTrain.gather(tf.tensor1d(anchors, 'int32'));
        const xp = xTrain.gather(tf.tensor1d(positives, 'int32'));
        const notNegative = tf.tensor2d(anchors.flatMap((i) => anchors.map((j) => train.labels[i] === train.labels[j])), [BATCH_SIZE, BATCH_SIZE], 'bool');
        return optimizer.minimize(() => {
          const ea = encoder.apply(xa);
          const ep = encoder.apply(xp);
          const dPos = sqDist(ea, ep);
          // Online mining: take the hardest negative of the batch, the one closest to the anchor.
          const dAll = ea.square().sum(-1, true).add(ea.square().sum(-1).expandDims(0)).sub(ea.matMul(ea, false, true).mul(2));
          const dNeg = tf.where(notNegative, tf.fill([BATCH_SIZE, BATCH_SIZE], 1e6), dAll).min(-1);
          return tf.relu(dPos.sub(dNeg).add(MARGIN)).mean();
        }, true);
      });
      epochLoss += cost.dataSync()[0] / numBatches;
      cost.dispose();
    }
    losses.push(epochLoss);
  }

  // Label each recording by its nearest labelled training recording in embedding space.
  const nearestNeighbourAccuracy = (x, labels, excludeSelf) =>
    tf.tidy(() => {
      const e = encoder.predict(x);
      const ref = encoder.predict(xTrain);
      let d = e.square().sum(-1, true).add(ref.square().sum(-1).expandDims(0)).sub(e.matMul(ref, false, true).mul(2));
      if (excludeSelf) d = d.add(tf.eye(N_TRAIN).mul(1e9));
      const nn = d.argMin(-1).dataSync();
      let correct = 0;
      nn.forEach((j, i) => { if (train.labels[j] === labels[i]) correct++; });
      return correct / labels.length;
    });
  const trainAcc = nearestNeighbourAccuracy(xTrain, train.labels, true);
  const testAcc = nearestNeighbourAccuracy(xTest, test.labels, false);
  const testLoss = tf.tidy(() => {
    const groupsTest = byCondition(test.labels);
    const a = [];
    const p = [];
    const n = [];
    for (let i = 0; i < N_TEST; i++) {
      const c = test.labels[i];
      a.push(i);
      p.push(groupsTest[c][rng.int(0, groupsTest[c].length)]);
      const other = groupsTest[(c + 1 + rng.int(0, CONDITIONS.length - 1)) % CONDITIONS.length];
      n.push(other[rng.int(0, other.length)]);
    }
    const emb = (idx) => encoder.predict(xTest.gather(tf.tensor1d(idx, 'int32')));
    return tripletLoss(emb(a), emb(p), emb(n)).dataSync()[0];
  });
  console.log(`loss ${losses[0].toFixed(3)} -> ${losses[losses.length - 1].toFixed(3)} 1-nn acc ${trainAcc.toFixed(3)} | test triplet loss ${testLoss.toFixed(3)} test 1-nn acc ${testAcc.toFixed(3)}`);
}

main();
