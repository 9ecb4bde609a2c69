'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(9556);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Support-ticket triage: route each ticket to one of four queues from eight numeric signals
// (message length, attachments, account age, past tickets, keyword scores, ...).
// Most tickets are general questions, so the queues are imbalanced; class weights from the
// inverse class frequencies keep the rare queues from being ignored.
const QUEUES = ['general', 'billing', 'technical', 'security'];
const SHARES = [0.7, 0.15, 0.1, 0.05];
const N_TRAIN = 3000;
const N_TEST = 1000;
const NUM_FEATURES = 8;
const K = QUEUES.length;

// each queue has its own typical signal profile
const PROFILES = QUEUES.map(() => rng.array(NUM_FEATURES, () => rng.normal(0, 1.2)));

function sampleQueue() {
  const u = rng.random();
  let acc = 0;
  for (let c = 0; c < K; c++) {
    acc += SHARES[c];
    if (u < acc) return c;
  }
  return K - 1;
}

function loadTickets(n) {
  const xs = [];
  const labels = [];
  for (let i = 0; i < n; i++) {
    const c = sampleQueue();
    xs.push(PROFILES[c].map((m, j) => 50 * (j + 1) + 20 * (j + 1) * (m + rng.normal(0, 1))));
    labels.push(c);
  }
  return { xs, labels };
}

async function main() {
  await tf.setBackend('wasm');

  const train = loadTickets(N_TRAIN);
  const test = loadTickets(N_TEST);
  const xTrainRaw = tf.tensor2d(train.xs, [N_TRAIN, NUM_FEATURES]);
  const xTestRaw = tf.tensor2d(test.xs, [N_TEST, NUM_FEATURES]);
  const yTrain = tf.oneHot(tf.tensor1d(train.labels, 'int32'), K).cast('float32');
  const yTest = tf.oneHot(tf.tensor1d(test.labels, 'int32'), K).cast('float32');

  const { mean, variance } = tf.moments(xTrainRaw, 0);
  const std = variance.sqrt().add(1e-6);
  const xTrain = xTrainRaw.sub(mean).div(std);
  const xTest = xTestRaw.sub(mean).div(std);

  // inverse-frequency class weights
  const counts = new Array(K).fill(0);
  train.labels.forEach((c) => counts[c]++);
  const classWeight = {};
  for (let c = 0; c < K; c++) classWeight[c] = N_TRAIN / (K * counts[c]);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [NUM_FEATURES] }));
  model.add(tf.layers.dense({ units: K, activation: 'softmax' }));
  model.compile({ optimizer: tf.train.sgd(0.1), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(xTrain, yTrain, { epochs: 20, batchSize: 64, shuffle: true, classWeight, verbose: 0 });

  const predicted = model.predict(xTest).argMax(-1).dataSync();
  let correct = 0;
  const hits = new Array(K).fill(0);
  const totals = new Array(K).fill(0);
  test.labels.forEach((c, i) => {
    totals[c]++;
    if (predicted[i] === c) {
      correct++;
      hits[c]++;
    }
  });
  const testAcc = correct / N_TEST;
  const balancedAcc = hits.reduce((s, h, c) => s + h / Math.max(totals[c], 1), 0) / K;
  const h = history.history;
  const last = h.loss.length - 1;
  console.log(`counts ${counts.join('/')} | loss ${h.loss[0].toFixed(5)} -> ${h.loss[last].toFixed(5)} acc ${h.acc[last].toFixed(3)} | test acc ${testAcc.toFixed(3)} balanced acc ${balancedAcc.toFixed(3)} (majority share ${(totals[0] / N_TEST).toFixed(3)})`);
}

main();
