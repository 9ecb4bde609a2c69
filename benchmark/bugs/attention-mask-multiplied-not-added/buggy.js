'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(9618);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Star rating (1-5) of app-store feedback from the adjective tags users attach to it; the rating
// follows the average tone of the tags. The tag sequence is mapped through a frozen table of
// pretrained word vectors (here a stand-in table with a sentiment direction) and zero-padded to
// MAX_LEN, the platform's tag limit, so most positions are padding. Attention pooling: a learned
// projection scores every position, a softmax over the real tags (padding masked out) weights the
// word vectors, and the pooled vector goes through a small MLP to five logits. Custom loop, Adam.
const TAGS = {
  '-2': ['awful', 'terrible', 'horrible', 'useless', 'broken', 'unusable', 'dreadful', 'pathetic'],
  '-1': ['bad', 'slow', 'buggy', 'clunky', 'annoying', 'laggy', 'confusing', 'poor'],
  0: ['okay', 'fine', 'decent', 'average', 'alright', 'usable', 'fair', 'ordinary'],
  1: ['good', 'nice', 'handy', 'smooth', 'solid', 'useful', 'pleasant', 'fast'],
  2: ['great', 'excellent', 'perfect', 'amazing', 'brilliant', 'superb', 'fantastic', 'flawless'],
};
const VOCAB = ['<pad>'];
const POLARITY = [0];
for (const [score, words] of Object.entries(TAGS)) {
  for (const w of words) {
    VOCAB.push(w);
    POLARITY.push(Number(score));
  }
}
const WORD_IDS = {};
for (const score of Object.keys(TAGS)) WORD_IDS[score] = TAGS[score].map((w) => VOCAB.indexOf(w));
const CLASSES = ['1 star', '2 stars', '3 stars', '4 stars', '5 stars'];
const MAX_LEN = 64;
const DIM = 16;
const HIDDEN = 32;
const N_TRAIN = 1500;
const N_TEST = 500;
const EPOCHS = 15;
const BATCH = 32;

// stand-in for the pretrained vectors: sentiment along one direction plus word-specific noise;
// row 0 (<pad>) is all zeros
function pretrainedTable() {
  const direction = rng.array(DIM, () => rng.normal(0, 1));
  const norm = Math.hypot(...direction);
  return VOCAB.map((w, i) => (i === 0 ? new Array(DIM).fill(0) : direction.map((d) => (0.6 * POLARITY[i] * d) / norm + rng.normal(0, 0.08))));
}

function makeReviews(n) {
  const ids = [];
  const labels = [];
  for (let i = 0; i < n; i++) {
    const mood = rng.uniform(-2.5, 2.5);
    const row = rng.array(rng.int(1, 17), () => {
      const score = Math.max(-2, Math.min(2, Math.round(mood + rng.normal(0, 0.8))));
      return WORD_IDS[score][rng.int(0, WORD_IDS[score].length)];
    });
    const avg = row.reduce((s, id) => s + POLARITY[id], 0) / row.length;
    while (row.length < MAX_LEN) row.push(0);
    ids.push(row);
    labels.push(Math.max(0, Math.min(4, Math.round(avg) + 2)));
  }
  return { ids, labels };
}

function initParams() {
  return {
    wKey: tf.variable(tf.randomNormal([DIM, DIM], 0, 1 / Math.sqrt(DIM))),
    query: tf.variable(tf.randomNormal([DIM, 1], 0, 1 / Math.sqrt(DIM))),
    w1: tf.variable(tf.randomNormal([DIM, HIDDEN], 0, Math.sqrt(2 / DIM))),
    b1: tf.variable(tf.zeros([HIDDEN])),
    w2: tf.variable(tf.randomNormal([HIDDEN, CLASSES.length], 0, Math.sqrt(1 / HIDDEN))),
    b2: tf.variable(tf.zeros([CLASSES.length])),
  };
}

function forward(p, table, ids) {
  const vectors = tf.gather(table, ids);
  const mask = tf.cast(tf.notEqual(ids, 0), 'float32');
  const keys = vectors.reshape([-1, DIM]).matMul(p.wKey);
  const scores = keys.matMul(p.query).reshape([-1, MAX_LEN]).div(Math.sqrt(DIM));
  const weights = tf.softmax(tf.mul(scores, mask));
  const pooled = weights.expandDims(1).matMul(vectors).squeeze([1]);
  return pooled.matMul(p.w1).add(p.b1).relu().matMul(p.w2).add(p.b2);
}

async function main() {
  await tf.setBackend('wasm');
  const table = tf.tensor2d(pretrainedTable(), [VOCAB.length, DIM]);
  const train = makeReviews(N_TRAIN);
  const test = makeReviews(N_TEST);
  const xTrain = tf.tensor2d(train.ids, [N_TRAIN, MAX_LEN], 'int32');
  const yTrain = tf.oneHot(tf.tensor1d(train.labels, 'int32'), CLASSES.length);
  const xTest = tf.tensor2d(test.ids, [N_TEST, MAX_LEN], 'int32');
  const yTest = tf.oneHot(tf.tensor1d(test.labels, 'int32'), CLASSES.length);

  const params = initParams();
  const optimizer = tf.train.adam(0.005);
  const losses = [];
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    const order = tf.util.createShuffledIndices(N_TRAIN);
    let epochLoss = 0;
    let numBatches = 0;
    for (let start = 0; start < N_TRAIN; start += BATCH) {
      const idx = tf.tensor1d(Array.from(order.slice(start, start + BATCH)), 'int32');
      const cost = optimizer.minimize(() => tf.losses.softmaxCrossEntropy(tf.gather(yTrain, idx), forward(params, table, tf.gather(xTrain, idx))), true);
      epochLoss += cost.dataSync()[0];
      numBatches++;
      cost.dispose();
      idx.dispose();
    }
    losses.push(epochLoss / numBatches);
  }

  const evaluate = (x, y) =>
    tf.tidy(() => {
      const logits = forward(params, table, x);
      const loss = tf.losses.softmaxCrossEntropy(y, logits).dataSync()[0];
      const acc = logits.argMax(1).equal(y.argMax(1)).cast('float32').mean().dataSync()[0];
      return [loss, acc];
    });
  const [trainLoss, trainAcc] = evaluate(xTrain, yTrain);
  const [testLoss, testAcc] = evaluate(xTest, yTest);
  console.log(`loss ${losses[0].toFixed(3)} -> ${losses[losses.length - 1].toFixed(3)} acc ${trainAcc.toFixed(3)} (eval loss ${trainLoss.toFixed(3)}) | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
