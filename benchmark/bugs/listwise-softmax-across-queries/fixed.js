'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(9712);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Re-ranking for a documentation site's search box. For every query the first-stage retriever
// returns 10 candidate pages; each (query, page) pair has 6 features: BM25 of title and body,
// the page's inbound-link authority, its click-through rate from the logs, its age in days and its
// length in words. Editors graded the candidates 0-4. A small MLP scores each pair and is trained
// with a ListNet loss (cross-entropy between the softmax of the grades and the softmax of the
// scores) on batches of 16 queries. Held out: queries from a later month, scored by NDCG@3 and
// NDCG@10 of the re-ranked lists.
const DOCS = 10;
const FEATURES = 6;
const TRAIN_QUERIES = 640;
const TEST_QUERIES = 300;
const QUERIES_PER_BATCH = 16;
const EPOCHS = 20;

function searchLog(numQueries) {
  const xs = [];
  const grades = [];
  for (let q = 0; q < numQueries; q++) {
    // head queries are short and about current topics, long-tail queries are long and specific
    const popularity = rng.uniform(0, 1);
    const terms = Math.max(1, Math.round(1 + 6 * (1 - popularity) + rng.normal(0, 0.7)));
    const level = -1 + 4 * popularity;
    for (let d = 0; d < DOCS; d++) {
      const quality = rng.normal(0, 1);
      const grade = Math.max(0, Math.min(4, Math.round(level + 0.9 * quality + rng.normal(0, 0.3))));
      const titleBm25 = Math.max(0, terms * (1.5 + 0.8 * quality + rng.normal(0, 0.6)));
      const bodyBm25 = Math.max(0, terms * (4 + 1.5 * quality + rng.normal(0, 1.5)));
      const authority = Math.max(0, 2 + 6 * popularity + rng.normal(0, 2.5));
      const ctr = Math.min(1, Math.max(0, 0.02 + 0.25 * popularity + rng.normal(0, 0.06)));
      const ageDays = Math.exp(rng.normal(6.5 - 3 * popularity, 0.8));
      const words = Math.round(Math.exp(rng.normal(6.5, 0.6)));
      xs.push([titleBm25, bodyBm25, authority, ctr, ageDays, words]);
      grades.push(grade);
    }
  }
  return { xs, grades };
}

// ListNet: cross-entropy between the grade distribution and the score distribution of a list
function listNetLoss(grades, scores) {
  return tf.tidy(() => {
    const listScores = scores.reshape([-1, DOCS]);
    const listGrades = grades.reshape(listScores.shape);
    return tf.losses.softmaxCrossEntropy(tf.softmax(listGrades), listScores);
  });
}

// mean NDCG@k over the queries with at least one graded-relevant page, gains 2^grade - 1
function meanNdcg(scores, grades, k = DOCS) {
  let total = 0;
  let judged = 0;
  const numQueries = grades.length / DOCS;
  for (let q = 0; q < numQueries; q++) {
    const docs = Array.from({ length: DOCS }, (_, d) => ({ s: scores[q * DOCS + d], g: grades[q * DOCS + d] }));
    const dcg = (list) => list.slice(0, k).reduce((acc, doc, rank) => acc + (2 ** doc.g - 1) / Math.log2(rank + 2), 0);
    const ideal = dcg([...docs].sort((a, b) => b.g - a.g));
    if (ideal === 0) continue;
    total += dcg([...docs].sort((a, b) => b.s - a.s)) / ideal;
    judged += 1;
  }
  return total / judged;
}

async function main() {
  await tf.setBackend('wasm');

  const train = searchLog(TRAIN_QUERIES);
  const test = searchLog(TEST_QUERIES);
  const xTrainRaw = tf.tensor2d(train.xs, [TRAIN_QUERIES * DOCS, FEATURES]);
  const yTrain = tf.tensor2d(train.grades, [TRAIN_QUERIES * DOCS, 1]);
  const xTestRaw = tf.tensor2d(test.xs, [TEST_QUERIES * DOCS, FEATURES]);
  const { mean, variance } = tf.moments(xTrainRaw, 0);
  const std = variance.sqrt().add(1e-6);
  const xTrain = xTrainRaw.sub(mean).div(std);
  const xTest = xTestRaw.sub(mean).div(std);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [FEATURES] }));
  model.add(tf.layers.dense({ units: 16, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 1 }));

  const optimizer = tf.train.adam(0.003);
  const losses = [];
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    // shuffle whole queries so each batch holds complete candidate lists
    const queryOrder = tf.util.createShuffledIndices(TRAIN_QUERIES);
    let epochLoss = 0;
    let steps = 0;
    for (let start = 0; start < TRAIN_QUERIES; start += QUERIES_PER_BATCH) {
      const rows = [];
      for (const q of queryOrder.slice(start, start + QUERIES_PER_BATCH)) for (let d = 0; d < DOCS; d++) rows.push(q * DOCS + d);
      const idx = tf.tensor1d(Int32Array.from(rows), 'int32');
      const xb = tf.gather(xTrain, idx);
      const yb = tf.gather(yTrain, idx);
      const loss = optimizer.minimize(() => listNetLoss(yb, model.apply(xb)), true);
      epochLoss += loss.dataSync()[0];
      steps += 1;
      tf.dispose([idx, xb, yb, loss]);
    }
    losses.push(epochLoss / steps);
  }

  const trainScores = tf.tidy(() => model.predict(xTrain).dataSync());
  const testScores = tf.tidy(() => model.predict(xTest).dataSync());
  const bm25Scores = test.xs.map((x) => x[0] + x[1]);
  console.log(`listnet loss ${losses[0].toFixed(3)} -> ${losses[losses.length - 1].toFixed(3)} train ndcg@10 ${meanNdcg(trainScores, train.grades).toFixed(3)} | held-out ndcg@3 ${meanNdcg(testScores, test.grades, 3).toFixed(3)} ndcg@10 ${meanNdcg(testScores, test.grades).toFixed(3)} (bm25 alone: ${meanNdcg(bm25Scores, test.grades, 3).toFixed(3)} / ${meanNdcg(bm25Scores, test.grades).toFixed(3)})`);
}

main();
