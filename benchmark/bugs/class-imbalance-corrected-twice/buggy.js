'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(9553);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Card-fraud screening: flag a transaction for manual review from its amount, time of day,
// distance from the cardholder's home, merchant risk score, recent card activity, whether the
// device is new and the account's age. Only about 6% of transactions are fraudulent, so the
// training set is rebalanced by oversampling the fraud cases to 50/50, and the loss is weighted
// per class. Features are standardized with the training statistics; a small MLP with a sigmoid
// output is trained with binary cross-entropy. Next month's transactions are the held-out set.
const N_TRAIN = 4000;
const N_TEST = 2000;
const FRAUD_RATE = 0.06;
const NUM_FEATURES = 7;

const EPOCHS = 8;
const BATCH_SIZE = 64;

function makeTransactions(n) {
  const xs = [];
  const labels = [];
  for (let i = 0; i < n; i++) {
    const fraud = rng.random() < FRAUD_RATE;
    const s = fraud ? 1 : 0;
    const amount = Math.exp(rng.normal(3.6 + 0.55 * s, 1.0));
    const hour = (rng.normal(14 + 5 * s, 4) + 24) % 24;
    const distanceKm = Math.exp(rng.normal(1.5 + 0.85 * s, 1.2));
    const merchantRisk = Math.min(1, Math.max(0, rng.normal(0.3 + 0.14 * s, 0.15)));
    const txLast24h = Math.max(0, Math.round(rng.normal(2 + 1.4 * s, 1.5)));
    const newDevice = rng.random() < (fraud ? 0.35 : 0.1) ? 1 : 0;
    const accountAgeDays = Math.exp(rng.normal(6.2 - 0.4 * s, 0.9));
    xs.push([Math.log1p(amount), hour, Math.log1p(distanceKm), merchantRisk, txLast24h, newDevice, Math.log1p(accountAgeDays)]);
    labels.push(s);
  }
  return { xs, labels };
}

// Duplicate randomly chosen minority rows until both classes have the same count.
function oversample({ xs, labels }) {
  const pos = [];
  const neg = [];
  labels.forEach((y, i) => (y === 1 ? pos : neg).push(i));
  const idx = neg.concat(pos);
  while (idx.length < 2 * neg.length) idx.push(pos[rng.int(0, pos.length)]);
  return { xs: idx.map((i) => xs[i]), labels: idx.map((i) => labels[i]) };
}

// "balanced" class weights: n / (numClasses * count of the class)
function classWeights(labels) {
  const counts = [0, 0];
  labels.forEach((y) => counts[y]++);
  return { 0: labels.length / (2 * counts[0]), 1: labels.length / (2 * counts[1]) };
}

async function main() {
  await tf.setBackend('wasm');

  const train = makeTransactions(N_TRAIN);
  const test = makeTransactions(N_TEST);
  const balanced = oversample(train);
  const classWeight = classWeights(train.labels);

  const nBalanced = balanced.labels.length;
  const xTrainRaw = tf.tensor2d(balanced.xs, [nBalanced, NUM_FEATURES]);
  const yTrain = tf.tensor2d(balanced.labels, [nBalanced, 1]);
  const xTestRaw = tf.tensor2d(test.xs, [N_TEST, NUM_FEATURES]);
  const yTest = tf.tensor2d(test.labels, [N_TEST, 1]);

  const { mean, variance } = tf.moments(xTrainRaw, 0);
  const std = variance.sqrt().add(1e-6);
  const xTrain = xTrainRaw.sub(mean).div(std);
  const xTest = xTestRaw.sub(mean).div(std);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 16, activation: 'relu', inputShape: [NUM_FEATURES] }));
  model.add(tf.layers.dense({ units: 16, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 1, activation: 'sigmoid' }));
  model.compile({ optimizer: tf.train.adam(0.003), loss: 'binaryCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(xTrain, yTrain, { epochs: EPOCHS, batchSize: BATCH_SIZE, shuffle: true, classWeight, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const flagged = model.predict(xTest).greater(0.5).dataSync();
  let tp = 0;
  let fp = 0;
  let correct = 0;
  test.labels.forEach((y, i) => {
    if (flagged[i] && y === 1) tp++;
    if (flagged[i] && y === 0) fp++;
    if (flagged[i] === y) correct++;
  });
  const nFraud = test.labels.filter((y) => y === 1).length;
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} | test acc ${(correct / N_TEST).toFixed(3)} precision ${(tp / Math.max(tp + fp, 1)).toFixed(3)} recall ${(tp / Math.max(nFraud, 1)).toFixed(3)} flagged ${((tp + fp) / N_TEST).toFixed(3)}`);
}

main();
