'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(9629);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Product search ranking. Each query and each product is described by a few features (query:
// intent embedding, price sensitivity; product: category embedding, price tier, rating). Click
// logs give (query, clicked product, skipped product) triples. A scoring MLP takes the
// concatenated query and product features and returns a relevance score; it is trained in a
// custom loop with a pairwise margin (hinge) loss so clicked products score above skipped ones.
// Held out: triples from a later week, scored by how often the clicked product is ranked first.
const Q_DIM = 6;
const P_DIM = 7;
const N_TRAIN = 4000;
const N_TEST = 1000;
const MARGIN = 1;
const EPOCHS = 15;
const BATCH = 128;

// hidden relevance: intent/category match plus a price-fit and rating term
const W = rng.array(Q_DIM - 1, () => rng.array(P_DIM - 2, () => rng.normal(0, 0.6)));

function randomQuery() {
  return [...rng.array(Q_DIM - 1, () => rng.normal(0, 1)), rng.uniform(0, 1)];
}

function randomProduct() {
  return [...rng.array(P_DIM - 2, () => rng.normal(0, 1)), rng.uniform(0, 1), rng.uniform(1, 5)];
}

function relevance(q, p) {
  let s = 0;
  for (let i = 0; i < Q_DIM - 1; i++) for (let j = 0; j < P_DIM - 2; j++) s += q[i] * W[i][j] * p[j];
  const priceSensitivity = q[Q_DIM - 1];
  const priceTier = p[P_DIM - 2];
  const rating = p[P_DIM - 1];
  return s - 2 * priceSensitivity * priceTier + 0.4 * (rating - 3);
}

// two products shown for a query; the one the user clicked is the more relevant one (noisily)
function clickLog(n) {
  const queries = [];
  const clicked = [];
  const skipped = [];
  for (let i = 0; i < n; i++) {
    const q = randomQuery();
    const a = randomProduct();
    const b = randomProduct();
    const aWins = relevance(q, a) + rng.normal(0, 0.3) > relevance(q, b);
    queries.push(q);
    clicked.push(aWins ? a : b);
    skipped.push(aWins ? b : a);
  }
  return { queries, clicked, skipped };
}

function scorer() {
  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 64, activation: 'relu', inputShape: [Q_DIM + P_DIM] }));
  model.add(tf.layers.dense({ units: 32, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 1 }));
  return model;
}

async function main() {
  await tf.setBackend('wasm');

  const train = clickLog(N_TRAIN);
  const test = clickLog(N_TEST);
  const toPairs = (log) => ({
    pos: tf.concat([tf.tensor2d(log.queries), tf.tensor2d(log.clicked)], 1),
    neg: tf.concat([tf.tensor2d(log.queries), tf.tensor2d(log.skipped)], 1),
  });
  const trainPairs = toPairs(train);
  const testPairs = toPairs(test);

  const model = scorer();
  const optimizer = tf.train.adam(0.003);
  const losses = [];
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    const order = tf.util.createShuffledIndices(N_TRAIN);
    let epochLoss = 0;
    let steps = 0;
    for (let start = 0; start < N_TRAIN; start += BATCH) {
      const idx = tf.tensor1d(Int32Array.from(order.slice(start, start + BATCH)), 'int32');
      const posBatch = tf.gather(trainPairs.pos, idx);
      const negBatch = tf.gather(trainPairs.neg, idx);
      const loss = optimizer.minimize(() => {
        const scorePositive = model.apply(posBatch);
        const scoreNegative = model.apply(negBatch);
        return tf.relu(tf.scalar(MARGIN).add(scorePositive).sub(scoreNegative)).mean();
      }, true);
      epochLoss += loss.dataSync()[0];
      steps += 1;
      tf.dispose([idx, posBatch, negBatch, loss]);
    }
    losses.push(epochLoss / steps);
  }

  const pairAccuracy = (pairs) => tf.tidy(() => model.predict(pairs.pos).greater(model.predict(pairs.neg)).toFloat().mean().dataSync()[0]);
  const trainAcc = pairAccuracy(trainPairs);
  const testAcc = pairAccuracy(testPairs);
  console.log(`hinge loss ${losses[0].toFixed(3)} -> ${losses[losses.length - 1].toFixed(3)} train pair acc ${trainAcc.toFixed(3)} | held-out pair acc (clicked ranked first) ${testAcc.toFixed(3)}`);
}

main();
