'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(5342);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Churn prediction for a subscription app: for each user we count 10 kinds of events over the
// last 30 days and predict whether they cancel next month. What matters is the mix of events
// (lots of support tickets and visits to the billing page vs. lots of playlists and shares),
// not how active the user is, so each count vector is scaled to unit L2 norm.
const EVENTS = ['play', 'search', 'playlist', 'share', 'like', 'download', 'support_ticket', 'billing_page', 'skip', 'logout'];
const N_TRAIN = 1200;
const N_TEST = 400;
const INACTIVE_RATE = 0.1;

const churnWeights = [-0.4, 0, -1.2, -1.0, -0.6, -0.8, 2.0, 2.4, 0.8, 0.6];

function makeUsers(n) {
  const counts = [];
  const labels = [];
  for (let i = 0; i < n; i++) {
    if (rng.random() < INACTIVE_RATE) {
      counts.push(new Array(EVENTS.length).fill(0));
      labels.push(rng.random() < 0.8 ? 1 : 0);
      continue;
    }
    const activity = rng.uniform(5, 120);
    const taste = churnWeights.map(() => Math.exp(rng.normal(0, 0.8)));
    const total = taste.reduce((a, b) => a + b, 0);
    const row = taste.map((t) => Math.round((activity * t) / total));
    const mix = row.reduce((a, b) => a + b, 0) || 1;
    const score = row.reduce((s, c, j) => s + (churnWeights[j] * c) / mix, 0) * 8 - 1.2 + rng.normal(0, 0.3);
    counts.push(row);
    labels.push(score > 0 ? 1 : 0);
  }
  return { counts, labels };
}

function l2Normalize(row) {
  const norm = Math.sqrt(row.reduce((s, v) => s + v * v, 0));
  return row.map((v) => v / norm);
}

async function main() {
  await tf.setBackend('wasm');

  const train = makeUsers(N_TRAIN);
  const test = makeUsers(N_TEST);
  const xTrain = tf.tensor2d(train.counts.map(l2Normalize), [N_TRAIN, EVENTS.length]);
  const yTrain = tf.tensor2d(train.labels, [N_TRAIN, 1]);
  const xTest = tf.tensor2d(test.counts.map(l2Normalize), [N_TEST, EVENTS.length]);
  const yTest = tf.tensor2d(test.labels, [N_TEST, 1]);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [EVENTS.length] }));
  model.add(tf.layers.dense({ units: 16, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 1, activation: 'sigmoid' }));
  model.compile({ optimizer: tf.train.adam(0.01), loss: 'binaryCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(xTrain, yTrain, { epochs: 30, batchSize: 32, shuffle: true, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testAcc] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  const churnRate = test.labels.reduce((a, b) => a + b, 0) / N_TEST;
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)} (churn rate ${churnRate.toFixed(2)})`);
}

main();
