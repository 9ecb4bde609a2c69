'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(2953);
const tf = require('@tensorflow/tfjs');

// Review sentiment with attention pooling, written as a custom training loop. Reviews are
// sequences of word ids, zero-padded to MAX_LEN; each review mixes filler words with one or two
// opinion words of the same polarity. A learned query scores every position (query . key), a
// softmax over the real words gives the attention weights, the weighted sum of the word vectors
// goes through a small MLP to a sigmoid. Padding is masked out of the softmax with a large
// constant. Runs on the cpu backend (wasm has no kernel for the embedding-gather gradient).
const POSITIVE = ['good', 'great', 'superb', 'fun', 'moving', 'clever', 'charming', 'fresh'];
const NEGATIVE = ['bad', 'boring', 'awful', 'dull', 'silly', 'weak', 'messy', 'bland'];
const FILLER = ['the', 'movie', 'film', 'was', 'is', 'really', 'quite', 'plot', 'acting', 'and',
  'a', 'story', 'very', 'ending', 'cast', 'script', 'music', 'scenes', 'director', 'it', 'but', 'with'];
const VOCAB = ['<pad>', ...POSITIVE, ...NEGATIVE, ...FILLER];
const wordIndex = new Map(VOCAB.map((w, i) => [w, i]));
const MAX_LEN = 16;
const DIM = 16;
const HIDDEN = 16;
const N_TRAIN = 640;
const N_TEST = 300;
const EPOCHS = 4;
const BATCH = 32;

function pick(list) {
  return list[rng.int(0, list.length)];
}

function makeReviews(n) {
  const ids = [];
  const labels = [];
  for (let i = 0; i < n; i++) {
    const positive = rng.random() < 0.5;
    const words = rng.array(rng.int(3, 12), () => pick(FILLER));
    for (let k = rng.int(1, 3); k > 0; k--) words.splice(rng.int(0, words.length + 1), 0, pick(positive ? POSITIVE : NEGATIVE));
    const row = words.map((w) => wordIndex.get(w));
    while (row.length < MAX_LEN) row.push(0);
    ids.push(row);
    labels.push([positive ? 1 : 0]);
  }
  return { ids, labels };
}

function initParams() {
  return {
    embedding: tf.variable(tf.randomNormal([VOCAB.length, DIM], 0, 0.1)),
    wKey: tf.variable(tf.randomNormal([DIM, DIM], 0, 1 / Math.sqrt(DIM))),
    query: tf.variable(tf.randomNormal([DIM, 1], 0, 1 / Math.sqrt(DIM))),
    w1: tf.variable(tf.randomNormal([DIM, HIDDEN], 0, Math.sqrt(2 / DIM))),
    b1: tf.variable(tf.zeros([HIDDEN])),
    w2: tf.variable(tf.randomNormal([HIDDEN, 1], 0, Math.sqrt(1 / HIDDEN))),
    b2: tf.variable(tf.zeros([1])),
  };
}

function forward(p, ids) {
  const vectors = tf.gather(p.embedding, ids);
  const keys = vectors.reshape([-1, DIM]).matMul(p.wKey);
  const scores = keys.matMul(p.query).reshape([-1, MAX_LEN]).div(Math.sqrt(DIM));
  const mask = tf.cast(tf.equal(ids, 0), 'float32');
  const weights = tf.softmax(scores.add(mask.mul(1e9)));
  const pooled = weights.expandDims(1).matMul(vectors).squeeze([1]);
  return pooled.matMul(p.w1).add(p.b1).relu().matMul(p.w2).add(p.b2);
}

async function main() {
  await tf.setBackend('cpu');
  const train = makeReviews(N_TRAIN);
  const test = makeReviews(N_TEST);
  const xTrain = tf.tensor2d(train.ids, [N_TRAIN, MAX_LEN], 'int32');
  const yTrain = tf.tensor2d(train.labels, [N_TRAIN, 1]);
  const xTest = tf.tensor2d(test.ids, [N_TEST, MAX_LEN], 'int32');
  const yTest = tf.tensor2d(test.labels, [N_TEST, 1]);

  const params = initParams();
  const optimizer = tf.train.adam(0.01);
  const losses = [];
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    const order = tf.util.createShuffledIndices(N_TRAIN);
    let epochLoss = 0;
    let numBatches = 0;
    for (let start = 0; start < N_TRAIN; start += BATCH) {
      const idx = tf.tensor1d(Array.from(order.slice(start, start + BATCH)), 'int32');
      const cost = optimizer.minimize(() => tf.losses.sigmoidCrossEntropy(tf.gather(yTrain, idx), forward(params, tf.gather(xTrain, idx))), true);
      epochLoss += cost.dataSync()[0];
      numBatches++;
      cost.dispose();
      idx.dispose();
    }
    losses.push(epochLoss / numBatches);
  }

  const evaluate = (x, y) =>
    tf.tidy(() => {
      const logits = forward(params, x);
      const loss = tf.losses.sigmoidCrossEntropy(y, logits).dataSync()[0];
      const acc = logits.greater(0).cast('float32').equal(y).mean().dataSync()[0];
      return [loss, acc];
    });
  const [trainLoss, trainAcc] = evaluate(xTrain, yTrain);
  const [testLoss, testAcc] = evaluate(xTest, yTest);
  console.log(`loss ${losses[0].toFixed(3)} -> ${losses[losses.length - 1].toFixed(3)} acc ${trainAcc.toFixed(3)} (eval loss ${trainLoss.toFixed(3)}) | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
