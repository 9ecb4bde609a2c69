'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(4821);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Churn prediction on a synthetic customer table: 6 standardized features (tenure, monthly
// charges, support calls, ...) and a 0/1 "churned" label. The training budget is given in
// optimizer steps and turned into a number of epochs for model.fit.
const NUM_FEATURES = 6;
const N_TRAIN = 800;
const N_TEST = 200;
const BATCH_SIZE = 32;
const TRAIN_STEPS = 400;

function makeCustomers(n) {
  const xs = [];
  const ys = [];
  for (let i = 0; i < n; i++) {
    const row = rng.array(NUM_FEATURES, () => rng.normal(0, 1));
    const score = 1.5 * row[2] - 1.2 * row[0] + row[1] * row[3] + 0.8 * Math.abs(row[4]) - 0.6 + rng.normal(0, 0.3);
    xs.push(row);
    ys.push([score > 0 ? 1 : 0]);
  }
  return { xs, ys };
}

const fmt = (v) => (v === undefined ? 'n/a' : v.toFixed(3));

async function main() {
  await tf.setBackend('wasm');

  const train = makeCustomers(N_TRAIN);
  const test = makeCustomers(N_TEST);
  const xTrain = tf.tensor2d(train.xs, [N_TRAIN, NUM_FEATURES]);
  const yTrain = tf.tensor2d(train.ys, [N_TRAIN, 1]);
  const xTest = tf.tensor2d(test.xs, [N_TEST, NUM_FEATURES]);
  const yTest = tf.tensor2d(test.ys, [N_TEST, 1]);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [NUM_FEATURES] }));
  model.add(tf.layers.dense({ units: 16, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 1, activation: 'sigmoid' }));
  model.compile({ optimizer: tf.train.adam(0.005), loss: 'binaryCrossentropy', metrics: ['accuracy'] });

  const epochs = Math.floor(TRAIN_STEPS / Math.ceil(xTrain.shape[0] / BATCH_SIZE));
  const losses = [];
  const accs = [];
  await model.fit(xTrain, yTrain, {
    epochs,
    batchSize: BATCH_SIZE,
    shuffle: true,
    verbose: 0,
    callbacks: { onEpochEnd: async (epoch, logs) => { losses.push(logs.loss); accs.push(logs.acc); } },
  });

  const [testLoss, testAcc] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  console.log(`loss ${fmt(losses[0])} -> ${fmt(losses[losses.length - 1])} acc ${fmt(accs[accs.length - 1])} | test loss ${fmt(testLoss)} test acc ${fmt(testAcc)}`);
}

main();
