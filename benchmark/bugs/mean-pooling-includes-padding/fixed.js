'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(9664);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Short-review sentiment classifier (thumbs up / thumbs down) for an app store.
// Reviews are tokenized against a fixed vocabulary, post-padded with id 0 to MAX_LEN, embedded,
// averaged into one review vector and scored by a logistic unit. Trained with a plain SGD loop.
// wasm has no gradient for gather, so the lookup is a one-hot product with the embedding table.
const VOCAB_SIZE = 200; // id 0 is padding
const N_POSITIVE_WORDS = 25; // ids 1..25
const N_NEGATIVE_WORDS = 25; // ids 26..50, the rest are neutral words
const MAX_LEN = 120;
const EMBED_DIM = 16;
const N_TRAIN = 1000;
const N_TEST = 400;

const EPOCHS = 16;
const BATCH_SIZE = 32;
const LEARNING_RATE = 0.2;

function writeReview() {
  const positive = rng.random() < 0.5;
  const length = rng.int(3, 9);
  const tokens = rng.array(length, () => rng.int(N_POSITIVE_WORDS + N_NEGATIVE_WORDS + 1, VOCAB_SIZE));
  const nSentiment = rng.int(1, 3);
  for (let k = 0; k < nSentiment; k++) {
    const word = positive ? rng.int(1, N_POSITIVE_WORDS + 1) : rng.int(N_POSITIVE_WORDS + 1, N_POSITIVE_WORDS + N_NEGATIVE_WORDS + 1);
    tokens[rng.int(0, length)] = word;
  }
  return { tokens, label: positive ? 1 : 0 };
}

function padBatch(reviews) {
  const ids = [];
  for (const r of reviews) {
    const row = new Array(MAX_LEN).fill(0);
    r.tokens.slice(0, MAX_LEN).forEach((t, i) => {
      row[i] = t;
    });
    ids.push(row);
  }
  return {
    ids: tf.tensor2d(ids, [reviews.length, MAX_LEN], 'int32'),
    labels: tf.tensor2d(reviews.map((r) => [r.label]), [reviews.length, 1]),
  };
}

async function main() {
  await tf.setBackend('wasm');

  const trainReviews = rng.array(N_TRAIN, writeReview);
  const testReviews = rng.array(N_TEST, writeReview);

  const embeddings = tf.variable(tf.randomUniform([VOCAB_SIZE, EMBED_DIM], -0.05, 0.05), true, 'embeddings');
  const outW = tf.variable(tf.randomNormal([EMBED_DIM, 1], 0, Math.sqrt(2 / (EMBED_DIM + 1))), true, 'out_w');
  const outB = tf.variable(tf.zeros([1]), true, 'out_b');

  function predictLogits(ids) {
    const tokenVecs = tf.oneHot(ids.flatten(), VOCAB_SIZE).matMul(embeddings).reshape([-1, MAX_LEN, EMBED_DIM]).mul(ids.notEqual(0).toFloat().expandDims(2));
    const pooled = tokenVecs.sum(1).div(ids.notEqual(0).toFloat().sum(1, true)); // one vector per review
    return pooled.matMul(outW).add(outB);
  }

  function evaluate(batch) {
    return tf.tidy(() => {
      const logits = predictLogits(batch.ids);
      const loss = tf.losses.sigmoidCrossEntropy(batch.labels, logits).dataSync()[0];
      const acc = logits.greater(0).toFloat().equal(batch.labels).toFloat().mean().dataSync()[0];
      return { loss, acc };
    });
  }

  const optimizer = tf.train.sgd(LEARNING_RATE);
  const train = padBatch(trainReviews);
  const test = padBatch(testReviews);
  const losses = [];
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    const order = tf.util.createShuffledIndices(N_TRAIN);
    let epochLoss = 0;
    let nBatches = 0;
    for (let start = 0; start < N_TRAIN; start += BATCH_SIZE) {
      const batch = padBatch(Array.from(order.slice(start, start + BATCH_SIZE), (i) => trainReviews[i]));
      const loss = optimizer.minimize(() => tf.losses.sigmoidCrossEntropy(batch.labels, predictLogits(batch.ids)), true);
      epochLoss += loss.dataSync()[0];
      nBatches += 1;
      tf.dispose([loss, batch.ids, batch.labels]);
    }
    losses.push(epochLoss / nBatches);
  }

  const trainScore = evaluate(train);
  const testScore = evaluate(test);
  console.log(`loss ${losses[0].toFixed(3)} -> ${losses[EPOCHS - 1].toFixed(3)} train acc ${trainScore.acc.toFixed(3)} | test loss ${testScore.loss.toFixed(3)} test acc ${testScore.acc.toFixed(3)}`);
}

main();
