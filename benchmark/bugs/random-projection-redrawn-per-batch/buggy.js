'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(9685);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Routes support tickets to one of four queues (billing, shipping, account, technical) from a
// bag of words over an 800-term vocabulary. Rather than feed 800 sparse columns to the network,
// the counts go through a Gaussian random projection down to 48 dense features
// (Johnson-Lindenstrauss keeps the distances between tickets), followed by a small MLP trained
// with a hand-written loop. Tickets from the following week are the held-out set.
const VOCAB_SIZE = 800;
const PROJ_DIM = 48;
const QUEUES = ['billing', 'shipping', 'account', 'technical'];
const TOPIC_TERMS = 40;
const N_TRAIN = 1200;
const N_TEST = 400;
const BATCH_SIZE = 32;
const EPOCHS = 10;

// every queue has its own block of characteristic terms; the rest of the vocabulary is shared
function makeTickets(n) {
  const rows = [];
  const labels = [];
  for (let i = 0; i < n; i++) {
    const queue = rng.int(0, QUEUES.length);
    const counts = new Array(VOCAB_SIZE).fill(0);
    const length = rng.int(12, 40);
    for (let k = 0; k < length; k++) {
      const term = rng.random() < 0.5
        ? queue * TOPIC_TERMS + rng.int(0, TOPIC_TERMS)
        : QUEUES.length * TOPIC_TERMS + Math.floor((VOCAB_SIZE - QUEUES.length * TOPIC_TERMS) * rng.random() ** 2);
      counts[term] += 1;
    }
    rows.push(counts.map((c) => Math.log1p(c)));
    labels.push(queue);
  }
  return { rows, labels };
}

function gaussianMatrix(rows, cols) {
  const values = new Float32Array(rows * cols);
  for (let i = 0; i < values.length; i++) values[i] = rng.normal(0, 1 / Math.sqrt(cols));
  return values;
}

// Gaussian random projection: inputDim sparse log-counts -> outputDim dense features
function makeProjector(inputDim, outputDim) {
  return (rows) => {
    const matrix = gaussianMatrix(inputDim, outputDim);
    return tf.tidy(() => tf.tensor2d(rows, [rows.length, inputDim]).matMul(tf.tensor2d(matrix, [inputDim, outputDim])));
  };
}

function accuracy(model, x, labels) {
  const pred = tf.tidy(() => model.predict(x).argMax(-1).dataSync());
  return pred.reduce((sum, p, i) => sum + (p === labels[i] ? 1 : 0), 0) / labels.length;
}

async function main() {
  await tf.setBackend('wasm');

  const train = makeTickets(N_TRAIN);
  const test = makeTickets(N_TEST);
  const project = makeProjector(VOCAB_SIZE, PROJ_DIM);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [PROJ_DIM] }));
  model.add(tf.layers.dense({ units: QUEUES.length }));
  const optimizer = tf.train.adam(0.005);

  const epochLosses = [];
  const order = train.rows.map((_, i) => i);
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = rng.int(0, i + 1);
      [order[i], order[j]] = [order[j], order[i]];
    }
    let lossSum = 0;
    let batches = 0;
    for (let start = 0; start < order.length; start += BATCH_SIZE) {
      const idx = order.slice(start, start + BATCH_SIZE);
      const xb = project(idx.map((i) => train.rows[i]));
      const yb = tf.tidy(() => tf.oneHot(tf.tensor1d(idx.map((i) => train.labels[i]), 'int32'), QUEUES.length));
      const loss = optimizer.minimize(() => tf.losses.softmaxCrossEntropy(yb, model.apply(xb, { training: true })), true);
      lossSum += loss.dataSync()[0];
      batches++;
      tf.dispose([xb, yb, loss]);
    }
    epochLosses.push(lossSum / batches);
  }

  const xTrain = project(train.rows);
  const xTest = project(test.rows);
  const trainAcc = accuracy(model, xTrain, train.labels);
  const testAcc = accuracy(model, xTest, test.labels);
  console.log(`loss ${epochLosses[0].toFixed(3)} -> ${epochLosses[EPOCHS - 1].toFixed(3)} train acc ${trainAcc.toFixed(3)} | test acc ${testAcc.toFixed(3)} (chance ${(1 / QUEUES.length).toFixed(3)})`);
}

main();
