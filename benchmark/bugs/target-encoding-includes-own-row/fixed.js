'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(5127);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Card-fraud scoring: each transaction has 6 standardized numeric features (amount, hour,
// distance from home, ...) and the id of the merchant it was made at. There are many merchants
// with only a handful of transactions each, so the merchant id is target-encoded: it is replaced
// by the fraud rate of that merchant in the training data (new merchants get the overall rate).
const N_FEATURES = 6;
const N_MERCHANTS = 1200;
const N_TRAIN = 1500;
const N_TEST = 600;

const weights = rng.array(N_FEATURES, () => rng.normal(0, 1));
const merchantRisk = rng.array(N_MERCHANTS, () => rng.normal(0, 0.5));

function makeTransactions(n) {
  const xs = [];
  const merchants = [];
  const labels = [];
  for (let i = 0; i < n; i++) {
    const x = rng.array(N_FEATURES, () => rng.normal(0, 1));
    const m = rng.int(0, N_MERCHANTS);
    const logit = x.reduce((s, v, j) => s + v * weights[j], 0) + merchantRisk[m];
    xs.push(x);
    merchants.push(m);
    labels.push(rng.random() < 1 / (1 + Math.exp(-logit)) ? 1 : 0);
  }
  return { xs, merchants, labels };
}

// fraud rate per merchant over the training transactions
function merchantStats(data) {
  const sums = new Array(N_MERCHANTS).fill(0);
  const counts = new Array(N_MERCHANTS).fill(0);
  data.merchants.forEach((m, i) => {
    sums[m] += data.labels[i];
    counts[m] += 1;
  });
  const prior = data.labels.reduce((a, b) => a + b, 0) / data.labels.length;
  return { sums, counts, prior };
}

function encodeTrain(data, stats) {
  return data.xs.map((x, i) => {
    const m = data.merchants[i];
    const rate = stats.counts[m] > 1 ? (stats.sums[m] - data.labels[i]) / (stats.counts[m] - 1) : stats.prior;
    return [...x, rate];
  });
}

function encodeTest(data, stats) {
  return data.xs.map((x, i) => {
    const m = data.merchants[i];
    const rate = stats.counts[m] > 0 ? stats.sums[m] / stats.counts[m] : stats.prior;
    return [...x, rate];
  });
}

async function main() {
  await tf.setBackend('wasm');

  const train = makeTransactions(N_TRAIN);
  const test = makeTransactions(N_TEST);
  const stats = merchantStats(train);
  const xTrain = tf.tensor2d(encodeTrain(train, stats), [N_TRAIN, N_FEATURES + 1]);
  const yTrain = tf.tensor2d(train.labels, [N_TRAIN, 1]);
  const xTest = tf.tensor2d(encodeTest(test, stats), [N_TEST, N_FEATURES + 1]);
  const yTest = tf.tensor2d(test.labels, [N_TEST, 1]);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [N_FEATURES + 1] }));
  model.add(tf.layers.dense({ units: 16, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 1, activation: 'sigmoid' }));
  model.compile({ optimizer: tf.train.adam(0.005), loss: 'binaryCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(xTrain, yTrain, { epochs: 30, batchSize: 32, shuffle: true, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testAcc] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
