'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(4471);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Churn prediction for a news/shop app from last month's page views per section.
// Heavy users and light users look very different in raw counts, so each user's
// counts are turned into the share of their visits that went to each section,
// plus log(1 + total visits) as an activity feature.
const SECTIONS = ['news', 'sport', 'shop', 'deals', 'video', 'help', 'account', 'settings'];
const riskWeights = [-0.8, -0.6, -0.4, 0.6, -0.5, 2.2, 1.4, 1.8];

function exportUsage(n) {
  const users = [];
  for (let i = 0; i < n; i++) {
    // a share of the accounts signed up but never opened the app last month
    const visits = rng.random() < 0.08 ? 0 : Math.round(Math.exp(rng.uniform(0.5, 5)));
    const taste = SECTIONS.map(() => Math.exp(rng.normal(0, 1)));
    const tasteSum = taste.reduce((a, b) => a + b, 0);
    const counts = new Array(SECTIONS.length).fill(0);
    for (let v = 0; v < visits; v++) {
      let r = rng.random() * tasteSum;
      let s = 0;
      while (r > taste[s] && s < SECTIONS.length - 1) r -= taste[s++];
      counts[s]++;
    }
    const mix = taste.reduce((acc, t, s) => acc + (riskWeights[s] * t) / tasteSum, 0);
    const risk = 4 * mix - 0.9 * Math.log1p(visits) + 1.5 + rng.normal(0, 0.3);
    users.push({ counts, churned: risk > 0 ? 1 : 0 });
  }
  return users;
}

function toFeatures(counts) {
  const total = counts.reduce((a, b) => a + b, 0);
  const shares = counts.map((c) => (total > 0 ? c / total : 0));
  return [...shares, Math.log1p(total) / 5];
}

async function main() {
  await tf.setBackend('wasm');

  const users = exportUsage(2000);
  const nTrain = 1600;
  const xs = users.map((u) => toFeatures(u.counts));
  const ys = users.map((u) => [u.churned]);
  const xTrain = tf.tensor2d(xs.slice(0, nTrain));
  const yTrain = tf.tensor2d(ys.slice(0, nTrain));
  const xTest = tf.tensor2d(xs.slice(nTrain));
  const yTest = tf.tensor2d(ys.slice(nTrain));

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [SECTIONS.length + 1] }));
  model.add(tf.layers.dense({ units: 16, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 1, activation: 'sigmoid' }));
  model.compile({ optimizer: tf.train.adam(0.005), loss: 'binaryCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(xTrain, yTrain, { epochs: 30, batchSize: 32, shuffle: true, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testAcc] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  const rate = yTest.mean().dataSync()[0];
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)} (majority ${Math.max(rate, 1 - rate).toFixed(3)})`);
}

main();
