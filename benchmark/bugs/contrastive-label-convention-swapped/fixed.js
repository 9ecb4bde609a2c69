'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(2851);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Writer verification: were two handwriting samples written by the same person? Each scanned sample
// is summarized by 20 standardized stroke statistics: 8 reflect the writer's habits (slant, loop
// size, pressure, ...), the other 12 depend on the pen, the paper and the scan. A siamese MLP maps a
// sample to a 6-d embedding; two samples are judged to be by the same writer when their embeddings
// are closer than THRESHOLD. Pairs are labelled 1 = same writer, 0 = different writers. Held-out
// pairs come from writers that are not in the training set.
const N_FEATURES = 20;
const N_HABITS = 8;
const EMBED_DIM = 6;
const N_TRAIN_WRITERS = 150;
const N_TEST_WRITERS = 30;
const SAMPLES_PER_WRITER = 12;
const N_TRAIN_PAIRS = 3072;
const N_TEST_PAIRS = 800;

const EPOCHS = 12;
const BATCH_SIZE = 64;
const LEARNING_RATE = 0.003;
const MARGIN = 1;
const THRESHOLD = 0.5;

function makeWriters(nWriters) {
  const samples = [];
  for (let w = 0; w < nWriters; w++) {
    const habits = rng.array(N_HABITS, () => rng.normal(0, 1));
    for (let s = 0; s < SAMPLES_PER_WRITER; s++) {
      const habitFeatures = habits.map((h) => h + rng.normal(0, 0.35));
      const scanFeatures = rng.array(N_FEATURES - N_HABITS, () => rng.normal(0, 1));
      samples.push({ writer: w, features: habitFeatures.concat(scanFeatures) });
    }
  }
  return samples;
}

// Alternate same-writer and different-writer pairs.
function makePairs(samples, nPairs) {
  const a = [];
  const b = [];
  const same = [];
  for (let i = 0; i < nPairs; i++) {
    const wantSame = i % 2 === 0;
    const first = samples[rng.int(0, samples.length)];
    let second;
    do {
      second = samples[rng.int(0, samples.length)];
    } while (second === first || (second.writer === first.writer) !== wantSame);
    a.push(first.features);
    b.push(second.features);
    same.push(wantSame ? 1 : 0);
  }
  return { a, b, same };
}

async function main() {
  await tf.setBackend('wasm');
  const trainPairs = makePairs(makeWriters(N_TRAIN_WRITERS), N_TRAIN_PAIRS);
  const testPairs = makePairs(makeWriters(N_TEST_WRITERS), N_TEST_PAIRS);
  const aTrain = tf.tensor2d(trainPairs.a, [N_TRAIN_PAIRS, N_FEATURES]);
  const bTrain = tf.tensor2d(trainPairs.b, [N_TRAIN_PAIRS, N_FEATURES]);
  const sameTrain = tf.tensor1d(trainPairs.same);
  const aTest = tf.tensor2d(testPairs.a, [N_TEST_PAIRS, N_FEATURES]);
  const bTest = tf.tensor2d(testPairs.b, [N_TEST_PAIRS, N_FEATURES]);
  const sameTest = tf.tensor1d(testPairs.same);

  const encoder = tf.sequential();
  encoder.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [N_FEATURES] }));
  encoder.add(tf.layers.dense({ units: 16, activation: 'relu' }));
  encoder.add(tf.layers.dense({ units: EMBED_DIM }));

  // Euclidean distance between the two embeddings and the contrastive loss of Hadsell, Chopra & LeCun (2006).
  const distance = (a, b) => encoder.apply(a).sub(encoder.apply(b)).square().sum(-1).add(1e-9).sqrt();
  const contrastiveLoss = (d, y) => y.mul(d.square()).add(tf.scalar(1).sub(y).mul(tf.relu(tf.scalar(MARGIN).sub(d)).square())).mean();

  const optimizer = tf.train.adam(LEARNING_RATE);
  const numBatches = N_TRAIN_PAIRS / BATCH_SIZE;
  const losses = [];
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    const order = tf.util.createShuffledIndices(N_TRAIN_PAIRS);
    let epochLoss = 0;
    for (let b = 0; b < numBatches; b++) {
      const cost = tf.tidy(() => {
        const idx = tf.tensor1d(Array.from(order.slice(b * BATCH_SIZE, (b + 1) * BATCH_SIZE)), 'int32');
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
      const meanDiff = d.mul(tf.scalar(1).sub(same)).sum().div(tf.scalar(1).sub(same).sum()).dataSync()[0];
      return { loss, acc, meanSame, meanDiff };
    });
  const train = evaluate(aTrain, bTrain, sameTrain);
  const test = evaluate(aTest, bTest, sameTest);
  console.log(`loss ${losses[0].toFixed(3)} -> ${losses[losses.length - 1].toFixed(3)} pair acc ${train.acc.toFixed(3)} | test loss ${test.loss.toFixed(3)} test pair acc ${test.acc.toFixed(3)} (mean distance same writer ${test.meanSame.toFixed(3)} / different ${test.meanDiff.toFixed(3)})`);
}

main();
