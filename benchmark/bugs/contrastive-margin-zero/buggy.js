'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(4419);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Speaker verification: decide whether two recordings come from the same speaker from 24
// standardized voice features each. 8 features carry the speaker's voice, the other 16 vary with
// the microphone and room. A siamese MLP maps each recording to an 8-d embedding and is trained
// on pairs with the contrastive loss; held-out pairs come from speakers never seen in training.
const N_FEATURES = 24;
const N_VOICE = 8;
const EMBED_DIM = 8;
const N_TRAIN_SPEAKERS = 200;
const N_TEST_SPEAKERS = 20;
const RECORDINGS_PER_SPEAKER = 15;
const N_TRAIN_PAIRS = 4096;
const N_TEST_PAIRS = 800;

const EPOCHS = 10;
const BATCH_SIZE = 64;
const LEARNING_RATE = 0.003;
const MARGIN = 0;
const THRESHOLD = 0.5;

function makeSpeakers(nSpeakers) {
  const recordings = [];
  for (let s = 0; s < nSpeakers; s++) {
    const voice = rng.array(N_VOICE, () => rng.normal(0, 1));
    for (let r = 0; r < RECORDINGS_PER_SPEAKER; r++) {
      const voiceFeatures = voice.map((v) => v + rng.normal(0, 0.3));
      const channelFeatures = rng.array(N_FEATURES - N_VOICE, () => rng.normal(0, 1));
      recordings.push({ speaker: s, features: voiceFeatures.concat(channelFeatures) });
    }
  }
  return recordings;
}

// Half same-speaker pairs, half different-speaker pairs.
function makePairs(recordings, nPairs) {
  const a = [];
  const b = [];
  const same = [];
  for (let i = 0; i < nPairs; i++) {
    const first = recordings[rng.int(0, recordings.length)];
    let second;
    do {
      second = recordings[rng.int(0, recordings.length)];
    } while (second === first || (second.speaker === first.speaker) !== (i % 2 === 0));
    a.push(first.features);
    b.push(second.features);
    same.push(i % 2 === 0 ? 1 : 0);
  }
  return { a, b, same };
}

async function main() {
  await tf.setBackend('wasm');
  const trainPairs = makePairs(makeSpeakers(N_TRAIN_SPEAKERS), N_TRAIN_PAIRS);
  const testPairs = makePairs(makeSpeakers(N_TEST_SPEAKERS), N_TEST_PAIRS);
  const aTrain = tf.tensor2d(trainPairs.a, [N_TRAIN_PAIRS, N_FEATURES]);
  const bTrain = tf.tensor2d(trainPairs.b, [N_TRAIN_PAIRS, N_FEATURES]);
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
  console.log(`loss ${losses[0].toFixed(3)} -> ${losses[losses.length - 1].toFixed(3)} pair acc ${train.acc.toFixed(3)} | test loss ${test.loss.toFixed(3)} test pair acc ${test.acc.toFixed(3)} (mean distance same ${test.meanSame.toFixed(3)} / different ${test.meanDiff.toFixed(3)})`);
}

main();
