'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(7309);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Implicit-feedback recommender for an online bookshop: predict whether a user will buy a book.
// The purchase log only holds (user, book) pairs that happened; for training, each purchase is paired
// with a randomly sampled book the user has not bought, labelled 0. The model embeds user and book
// ids, concatenates the embeddings and scores the pair with a small MLP (neural collaborative
// filtering). Part of every user's purchases is held out and scored against sampled non-purchases.
// The cpu backend is used because embedding gradients need UnsortedSegmentSum.
const N_USERS = 300;
const N_BOOKS = 120;
const N_TASTES = 3;
const EMBED_DIM = 8;
const HELD_OUT = 0.2;

// Users buy books that match their taste; only part of the matching books were bought so far.
function makePurchaseLog() {
  const userTaste = rng.array(N_USERS, () => rng.array(N_TASTES, () => rng.normal(0, 1)));
  const bookStyle = rng.array(N_BOOKS, () => rng.array(N_TASTES, () => rng.normal(0, 1)));
  const log = [];
  for (let u = 0; u < N_USERS; u++) {
    for (let b = 0; b < N_BOOKS; b++) {
      const affinity = userTaste[u].reduce((s, t, k) => s + t * bookStyle[b][k], 0);
      if (affinity > 1 && rng.random() < 0.6) log.push([u, b]);
    }
  }
  return log;
}

// One book per purchase, drawn among the books that user never bought.
function sampleNegatives(purchases, bought) {
  return purchases.map(([u]) => {
    let b;
    do {
      b = rng.int(0, N_BOOKS);
    } while (bought.has(`${u}:${b}`));
    return [u, b, 0];
  });
}

function auc(scores, labels) {
  const pos = scores.filter((_, i) => labels[i] === 1);
  const neg = scores.filter((_, i) => labels[i] === 0);
  let wins = 0;
  for (const p of pos) for (const n of neg) wins += p > n ? 1 : p === n ? 0.5 : 0;
  return wins / (pos.length * neg.length);
}

async function main() {
  await tf.setBackend('wasm');

  const log = makePurchaseLog();
  const bought = new Set(log.map(([u, b]) => `${u}:${b}`));
  const heldOut = log.map(() => rng.random() < HELD_OUT);
  const trainPurchases = log.filter((_, i) => !heldOut[i]);
  const testPurchases = log.filter((_, i) => heldOut[i]);

  const examples = trainPurchases.map(([u, b]) => [u, b, 1]);
  examples.push(...sampleNegatives(trainPurchases, bought));
  const testExamples = testPurchases.map(([u, b]) => [u, b, 1]).concat(sampleNegatives(testPurchases, bought));

  const userTrain = tf.oneHot(tf.tensor1d(examples.map((e) => e[0]), 'int32'), N_USERS).toFloat();
  const bookTrain = tf.oneHot(tf.tensor1d(examples.map((e) => e[1]), 'int32'), N_BOOKS).toFloat();
  const yTrain = tf.tensor2d(examples.map((e) => [e[2]]));
  const userTest = tf.oneHot(tf.tensor1d(testExamples.map((e) => e[0]), 'int32'), N_USERS).toFloat();
  const bookTest = tf.oneHot(tf.tensor1d(testExamples.map((e) => e[1]), 'int32'), N_BOOKS).toFloat();
  const yTest = tf.tensor2d(testExamples.map((e) => [e[2]]));

  const userIn = tf.input({ shape: [N_USERS] });
  const bookIn = tf.input({ shape: [N_BOOKS] });
  const userVec = tf.layers.dense({ units: EMBED_DIM, useBias: false }).apply(userIn);
  const bookVec = tf.layers.dense({ units: EMBED_DIM, useBias: false }).apply(bookIn);
  const joined = tf.layers.concatenate().apply([userVec, bookVec]);
  const hidden = tf.layers.dense({ units: 32, activation: 'relu' }).apply(joined);
  const output = tf.layers.dense({ units: 1, activation: 'sigmoid' }).apply(hidden);
  const model = tf.model({ inputs: [userIn, bookIn], outputs: output });
  model.compile({ optimizer: tf.train.adam(0.01), loss: 'binaryCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit([userTrain, bookTrain], yTrain, { epochs: 10, batchSize: 64, shuffle: true, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testAcc] = model.evaluate([userTest, bookTest], yTest).map((t) => t.dataSync()[0]);
  const scores = Array.from(model.predict([userTest, bookTest]).dataSync());
  const testAuc = auc(scores, testExamples.map((e) => e[2]));
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)} test AUC ${testAuc.toFixed(3)}`);
}

main();
