'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(9706);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Card-fraud screening: flag a card transaction as fraud from seven signals (amount, hour of the
// day, distance from the cardholder's home, merchant risk score, transactions in the last 24 h,
// card present or not, account age). About 3% of the transactions are fraud, so each class is
// weighted by (size of the largest class) / (size of the class) to keep the model from ignoring
// the fraud cases. Labels are one-hot [legit, fraud].
const CLASSES = ['legit', 'fraud'];
const FRAUD_RATE = 0.03;
const N_TRAIN = 4000;
const N_TEST = 2000;
const NUM_FEATURES = 7;
const K = CLASSES.length;

function transactions(n) {
  const xs = [];
  const labels = [];
  for (let i = 0; i < n; i++) {
    const fraud = rng.random() < FRAUD_RATE ? 1 : 0;
    const amount = Math.exp(rng.normal(fraud ? 4.1 : 3.6, 1.0));
    const hour = (rng.normal(fraud ? 20 : 14, 5) + 24) % 24;
    const distanceKm = Math.exp(rng.normal(fraud ? 2.2 : 1.6, 1.2));
    const merchantRisk = Math.min(1, Math.max(0, rng.normal(fraud ? 0.42 : 0.3, 0.18)));
    const recentTx = Math.max(0, Math.round(rng.normal(fraud ? 4 : 3, 2)));
    const cardPresent = rng.random() < (fraud ? 0.4 : 0.6) ? 1 : 0;
    const accountDays = rng.uniform(10, 3000) * (fraud && rng.random() < 0.3 ? 0.1 : 1);
    xs.push([amount, hour, distanceKm, merchantRisk, recentTx, cardPresent, accountDays]);
    labels.push(fraud);
  }
  return { xs, labels };
}

async function main() {
  await tf.setBackend('wasm');

  const train = transactions(N_TRAIN);
  const test = transactions(N_TEST);
  const xTrainRaw = tf.tensor2d(train.xs, [N_TRAIN, NUM_FEATURES]);
  const xTestRaw = tf.tensor2d(test.xs, [N_TEST, NUM_FEATURES]);
  const yTrain = tf.oneHot(tf.tensor1d(train.labels, 'int32'), K).cast('float32');

  const { mean, variance } = tf.moments(xTrainRaw, 0);
  const std = variance.sqrt().add(1e-6);
  const xTrain = xTrainRaw.sub(mean).div(std);
  const xTest = xTestRaw.sub(mean).div(std);

  // class weights from the label counts
  const counts = Array.from(yTrain.sum(0).dataSync());
  const largest = Math.max(...counts);
  const classWeight = {};
  for (let c = 0; c < K; c++) classWeight[c] = largest / counts[c];

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [NUM_FEATURES] }));
  model.add(tf.layers.dense({ units: 16, activation: 'relu' }));
  model.add(tf.layers.dense({ units: K, activation: 'softmax' }));
  model.compile({ optimizer: tf.train.adam(0.003), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(xTrain, yTrain, { epochs: 15, batchSize: 64, shuffle: true, classWeight, verbose: 0 });

  const predicted = model.predict(xTest).argMax(-1).dataSync();
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let tn = 0;
  test.labels.forEach((c, i) => {
    if (c === 1 && predicted[i] === 1) tp++;
    else if (c === 1) fn++;
    else if (predicted[i] === 1) fp++;
    else tn++;
  });
  const recall = tp / Math.max(tp + fn, 1);
  const precision = tp / Math.max(tp + fp, 1);
  const balancedAcc = (recall + tn / Math.max(tn + fp, 1)) / 2;
  const h = history.history;
  const last = h.loss.length - 1;
  console.log(`loss ${h.loss[0].toFixed(4)} -> ${h.loss[last].toFixed(4)} acc ${h.acc[last].toFixed(3)} | test fraud recall ${recall.toFixed(3)} precision ${precision.toFixed(3)} balanced acc ${balancedAcc.toFixed(3)} (${tp + fn} frauds in ${N_TEST})`);
}

main();
