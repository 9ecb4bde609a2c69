'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(9692);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Bird-call verification for a field-recorder app: are two calls from the same species?
// Each call is summarized by 24 standardized acoustic features (MFCC means and deltas, peak
// frequency, call length...). A siamese MLP maps a call to an 8-d embedding and is trained with
// the contrastive loss on pairs of calls. The labelled library is exported one species folder
// after another; held-out calls from the same species are paired half same / half different.
const N_SPECIES = 8;
const N_FEATURES = 24;
const EMBED_DIM = 8;
const TRAIN_PER_SPECIES = 400;
const TEST_PER_SPECIES = 50;
const N_TEST_PAIRS = 1000;

const EPOCHS = 10;
const BATCH_SIZE = 64;
const LEARNING_RATE = 0.003;
const MARGIN = 1;
const THRESHOLD = 0.5;

const speciesProfiles = rng.array(N_SPECIES, () => rng.array(N_FEATURES, () => rng.normal(0, 1)));

function loadLibrary(callsPerSpecies) {
  const calls = [];
  for (let s = 0; s < N_SPECIES; s++) {
    for (let c = 0; c < callsPerSpecies; c++) {
      calls.push({ species: s, features: speciesProfiles[s].map((m) => m + rng.normal(0, 1)) });
    }
  }
  return calls;
}

// Walk through the calls and pair each one with the next; the pair is labelled similar (1)
// when both calls are of the same species and dissimilar (0) otherwise.
function makeTrainingPairs(calls) {
  const order = Array.from(calls.keys());
  const a = [];
  const b = [];
  const same = [];
  for (let i = 0; i + 1 < order.length; i++) {
    const first = calls[order[i]];
    const second = calls[order[i + 1]];
    a.push(first.features);
    b.push(second.features);
    same.push(first.species === second.species ? 1 : 0);
  }
  return { a, b, same };
}

// Balanced verification pairs: even pairs share the species, odd pairs do not.
function makeTestPairs(calls, nPairs) {
  const a = [];
  const b = [];
  const same = [];
  for (let i = 0; i < nPairs; i++) {
    const first = calls[rng.int(0, calls.length)];
    let second;
    do {
      second = calls[rng.int(0, calls.length)];
    } while (second === first || (second.species === first.species) !== (i % 2 === 0));
    a.push(first.features);
    b.push(second.features);
    same.push(i % 2 === 0 ? 1 : 0);
  }
  return { a, b, same };
}

async function main() {
  await tf.setBackend('wasm');
  const trainCalls = loadLibrary(TRAIN_PER_SPECIES);
  const testCalls = loadLibrary(TEST_PER_SPECIES);
  const testPairs = makeTestPairs(testCalls, N_TEST_PAIRS);
  const trainPairs = makeTrainingPairs(trainCalls);
  const nTrainPairs = trainPairs.same.length;
  const aTrain = tf.tensor2d(trainPairs.a, [nTrainPairs, N_FEATURES]);
  const bTrain = tf.tensor2d(trainPairs.b, [nTrainPairs, N_FEATURES]);
  const sameTrain = tf.tensor1d(trainPairs.same);
  const aTest = tf.tensor2d(testPairs.a, [N_TEST_PAIRS, N_FEATURES]);
  const bTest = tf.tensor2d(testPairs.b, [N_TEST_PAIRS, N_FEATURES]);
  const sameTest = tf.tensor1d(testPairs.same);

  const encoder = tf.sequential();
  encoder.add(tf.layers.dense({ units: 64, activation: 'relu', inputShape: [N_FEATURES] }));
  encoder.add(tf.layers.dense({ units: 32, activation: 'relu' }));
  encoder.add(tf.layers.dense({ units: EMBED_DIM }));

  const distance = (a, b) => encoder.apply(a).sub(encoder.apply(b)).square().sum(-1).add(1e-9).sqrt();
  const contrastiveLoss = (d, same) => {
    const similarTerm = same.mul(d.square());
    const dissimilarTerm = tf.scalar(1).sub(same).mul(tf.relu(tf.scalar(MARGIN).sub(d)).square());
    return similarTerm.add(dissimilarTerm).mean();
  };

  const optimizer = tf.train.adam(LEARNING_RATE);
  const numBatches = Math.ceil(nTrainPairs / BATCH_SIZE);
  const losses = [];
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    const shuffled = tf.util.createShuffledIndices(nTrainPairs);
    let epochLoss = 0;
    for (let b = 0; b < numBatches; b++) {
      const cost = tf.tidy(() => {
        const idx = tf.tensor1d(Array.from(shuffled.slice(b * BATCH_SIZE, (b + 1) * BATCH_SIZE)), 'int32');
        const aBatch = aTrain.gather(idx);
        const bBatch = bTrain.gather(idx);
        const sameBatch = sameTrain.gather(idx);
        return optimizer.minimize(() => contrastiveLoss(distance(aBatch, bBatch), sameBatch), true);
      });
      epochLoss += cost.dataSync()[0] / numBatches;
      cost.dispose();
    }
    losses.push(epochLoss);
  }

  const evaluate = (a, b, same) =>
    tf.tidy(() => {
      const d = distance(a, b);
      const loss = contrastiveLoss(d, same).dataSync()[0];
      const acc = d.less(THRESHOLD).toFloat().equal(same).mean().dataSync()[0];
      const meanSame = d.mul(same).sum().div(same.sum()).dataSync()[0];
      const meanDiff = d.mul(tf.scalar(1).sub(same)).sum().div(tf.scalar(1).sub(same).sum().maximum(1)).dataSync()[0];
      return { loss, acc, meanSame, meanDiff };
    });
  const train = evaluate(aTrain, bTrain, sameTrain);
  const test = evaluate(aTest, bTest, sameTest);
  const similarShare = trainPairs.same.reduce((s, v) => s + v, 0) / nTrainPairs;
  console.log(`${nTrainPairs} train pairs (${(100 * similarShare).toFixed(1)}% similar) loss ${losses[0].toFixed(3)} -> ${losses[losses.length - 1].toFixed(3)} pair acc ${train.acc.toFixed(3)} | test loss ${test.loss.toFixed(3)} test pair acc ${test.acc.toFixed(3)} (mean distance same ${test.meanSame.toFixed(3)} / different ${test.meanDiff.toFixed(3)})`);
}

main();
