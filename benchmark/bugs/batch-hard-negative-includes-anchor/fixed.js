'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(9682);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Speaker verification from pooled voice features: every utterance is summarized by 24
// spectral statistics (standardized with the training statistics), and utterances of the same speaker should land close
// together in a 8-d embedding. The encoder is trained with the batch-hard triplet loss: each
// batch holds P speakers x K utterances, and for every anchor the farthest utterance of the same
// speaker and the closest utterance of another speaker are mined inside the batch. New utterances
// of the enrolled speakers are identified by their nearest enrolled utterance.
const N_SPEAKERS = 12;
const N_FEATURES = 24;
const EMBED_DIM = 8;
const PER_SPEAKER_TRAIN = 60;
const PER_SPEAKER_TEST = 20;
const P = 8;
const K = 4;
const BATCH = P * K;
const STEPS = 500;
const LEARNING_RATE = 0.003;
const MARGIN = 0.5;

// each speaker has a voice print; microphone, loudness and spoken content shift every
// utterance along a few shared directions by a random amount
const voicePrints = rng.array(N_SPEAKERS, () => rng.array(N_FEATURES, () => rng.normal(0, 0.8)));
const nuisance = rng.array(3, () => rng.array(N_FEATURES, () => rng.normal(0, 1)));

function recordUtterances(perSpeaker) {
  const xs = [];
  const labels = [];
  for (let s = 0; s < N_SPEAKERS; s++) {
    for (let i = 0; i < perSpeaker; i++) {
      const amounts = nuisance.map(() => rng.normal(0, 2.5));
      xs.push(voicePrints[s].map((v, j) => v + nuisance.reduce((acc, dir, c) => acc + amounts[c] * dir[j], 0) + rng.normal(0, 0.7)));
      labels.push(s);
    }
  }
  return { xs, labels };
}

function sampleBatch(bySpeaker) {
  const speakers = tf.util.createShuffledIndices(N_SPEAKERS).slice(0, P);
  const idx = [];
  const labels = [];
  for (const s of speakers) {
    const pick = tf.util.createShuffledIndices(bySpeaker[s].length).slice(0, K);
    for (const k of pick) {
      idx.push(bySpeaker[s][k]);
      labels.push(s);
    }
  }
  return { idx, labels };
}

async function main() {
  await tf.setBackend('wasm');

  const train = recordUtterances(PER_SPEAKER_TRAIN);
  const test = recordUtterances(PER_SPEAKER_TEST);
  const xTrainRaw = tf.tensor2d(train.xs);
  const { mean, variance } = tf.moments(xTrainRaw, 0);
  const std = variance.sqrt();
  const xTrain = xTrainRaw.sub(mean).div(std);
  const xTest = tf.tensor2d(test.xs).sub(mean).div(std);
  const bySpeaker = rng.array(N_SPEAKERS, () => []);
  train.labels.forEach((s, i) => bySpeaker[s].push(i));

  const encoder = tf.sequential();
  encoder.add(tf.layers.dense({ units: 64, activation: 'tanh', inputShape: [N_FEATURES] }));
  encoder.add(tf.layers.dense({ units: 32, activation: 'tanh' }));
  encoder.add(tf.layers.dense({ units: EMBED_DIM }));

  const pairwiseSqDist = (e) => e.expandDims(1).sub(e.expandDims(0)).square().sum(-1);

  const batchHardLoss = (e, labels) => {
    const eye = tf.eye(BATCH);
    const sameSpeaker = tf.equal(labels.expandDims(1), labels.expandDims(0)).toFloat();
    const isPositive = sameSpeaker.sub(eye);
    const isNegative = tf.onesLike(sameSpeaker).sub(sameSpeaker);
    const d2 = pairwiseSqDist(e);
    // hardest positive: the farthest same-speaker utterance
    const hardestPos = d2.mul(isPositive).max(1).sqrt();
    // hardest negative: the closest utterance among the negatives (the rest pushed out of reach)
    const hardestNeg = d2.add(tf.onesLike(d2).sub(isNegative).mul(1e6)).min(1).sqrt();
    return tf.relu(hardestPos.sub(hardestNeg).add(MARGIN)).mean();
  };

  const optimizer = tf.train.adam(LEARNING_RATE);
  const losses = [];
  for (let step = 0; step < STEPS; step++) {
    const batch = sampleBatch(bySpeaker);
    const cost = tf.tidy(() => {
      const xb = xTrain.gather(tf.tensor1d(batch.idx, 'int32'));
      const yb = tf.tensor1d(batch.labels, 'int32');
      return optimizer.minimize(() => batchHardLoss(encoder.apply(xb), yb), true);
    });
    losses.push(cost.dataSync()[0]);
    cost.dispose();
  }

  // Identify each test utterance by its nearest enrolled (training) utterance.
  const nearestNeighbourAccuracy = (x, labels) =>
    tf.tidy(() => {
      const e = encoder.predict(x);
      const ref = encoder.predict(xTrain);
      const d = e.expandDims(1).sub(ref.expandDims(0)).square().sum(-1);
      const nn = d.argMin(-1).dataSync();
      let correct = 0;
      nn.forEach((j, i) => { if (train.labels[j] === labels[i]) correct++; });
      return correct / labels.length;
    });
  const testAcc = nearestNeighbourAccuracy(xTest, test.labels);
  const avg = (a) => a.reduce((s, v) => s + v, 0) / a.length;
  console.log(`loss ${losses[0].toFixed(4)} -> ${avg(losses.slice(-20)).toFixed(4)} | test 1-nn speaker acc ${testAcc.toFixed(3)}`);
}

main();
