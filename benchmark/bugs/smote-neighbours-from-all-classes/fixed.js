'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(9570);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Card-fraud classifier: about 3% of the card transactions are fraudulent. The training set is
// balanced with SMOTE on the exported rows (each synthetic fraud row is interpolated between a
// fraud row and one of its k nearest neighbours), then the features are standardized with the
// balanced training statistics and a small MLP with a sigmoid output is trained on it. The
// held-out set keeps the natural fraud rate.
const N_TRAIN = 3000;
const N_TEST = 2000;
const FRAUD_RATE = 0.03;
const K_NEIGHBOURS = 5;
const FEATURES = ['amount', 'balance', 'minutesSinceLastTx', 'distanceFromHomeKm', 'ratioToMedianPurchase', 'hour', 'txLast24h', 'cardPresent'];

function loadTransactions(n) {
  const rows = [];
  const labels = [];
  for (let i = 0; i < n; i++) {
    const fraud = rng.random() < FRAUD_RATE;
    rows.push([
      Math.exp(rng.normal(fraud ? 4.6 : 3.8, 0.9)),
      Math.max(rng.normal(4000, 2500), 0),
      rng.uniform(1, 4000),
      fraud ? rng.uniform(25, 90) : Math.exp(rng.normal(2, 1)),
      fraud ? rng.uniform(1.8, 4) : Math.exp(rng.normal(0, 0.45)),
      fraud ? (rng.int(20, 30) % 24) : rng.int(0, 24),
      fraud ? rng.int(4, 12) : rng.int(0, 8),
      fraud ? (rng.random() < 0.1 ? 1 : 0) : (rng.random() < 0.6 ? 1 : 0),
    ]);
    labels.push(fraud ? 1 : 0);
  }
  return { rows, labels };
}

function squaredDistance(a, b) {
  let s = 0;
  for (let j = 0; j < a.length; j++) s += (a[j] - b[j]) ** 2;
  return s;
}

function nearestNeighbours(row, candidates, k) {
  return candidates
    .filter((other) => other !== row)
    .map((other) => ({ other, d: squaredDistance(row, other) }))
    .sort((a, b) => a.d - b.d)
    .slice(0, k)
    .map((n) => n.other);
}

// SMOTE: add synthetic fraud rows until both classes have the same count
function smote(rows, labels, k) {
  const minority = rows.filter((_, i) => labels[i] === 1);
  const needed = labels.length - 2 * minority.length;
  const neighbours = minority.map((row) => nearestNeighbours(row, minority, k));
  const synthetic = [];
  for (let s = 0; s < needed; s++) {
    const i = rng.int(0, minority.length);
    const neighbour = neighbours[i][rng.int(0, k)];
    const gap = rng.random();
    synthetic.push(minority[i].map((v, j) => v + gap * (neighbour[j] - v)));
  }
  return { rows: rows.concat(synthetic), labels: labels.concat(synthetic.map(() => 1)) };
}

function report(model, x, labels) {
  const pred = tf.tidy(() => model.predict(x).greater(0.5).dataSync());
  let tp = 0, fn = 0, tn = 0, fp = 0;
  labels.forEach((y, i) => {
    if (y === 1) pred[i] ? tp++ : fn++;
    else pred[i] ? fp++ : tn++;
  });
  return { acc: (tp + tn) / labels.length, recall: tp / (tp + fn), precision: tp / Math.max(tp + fp, 1) };
}

async function main() {
  await tf.setBackend('wasm');

  const train = loadTransactions(N_TRAIN);
  const test = loadTransactions(N_TEST);
  const balanced = smote(train.rows, train.labels, K_NEIGHBOURS);

  const n = balanced.labels.length;
  const xTrainRaw = tf.tensor2d(balanced.rows, [n, FEATURES.length]);
  const { mean, variance } = tf.moments(xTrainRaw, 0);
  const std = variance.sqrt().add(1e-6);
  const xTrain = xTrainRaw.sub(mean).div(std);
  const yTrain = tf.tensor2d(balanced.labels, [n, 1]);
  const xTest = tf.tensor2d(test.rows, [N_TEST, FEATURES.length]).sub(mean).div(std);
  const yTest = tf.tensor2d(test.labels, [N_TEST, 1]);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [FEATURES.length] }));
  model.add(tf.layers.dense({ units: 16, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 1, activation: 'sigmoid' }));
  model.compile({ optimizer: tf.train.adam(0.003), loss: 'binaryCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(xTrain, yTrain, { epochs: 20, batchSize: 64, shuffle: true, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const te = report(model, xTest, test.labels);
  const testLoss = model.evaluate(xTest, yTest)[0].dataSync()[0];
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${te.acc.toFixed(3)} recall ${te.recall.toFixed(3)} precision ${te.precision.toFixed(3)}`);
}

main();
