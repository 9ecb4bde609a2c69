'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(5903);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Subscription churn: will a customer cancel within the next month? 12 standardized account
// features (tenure, monthly spend, support tickets, logins per week, plan changes, ...). Churn
// risk rises with interactions between features (short tenure and many tickets, spend drops).
// MLP with a sigmoid output, trained with Adadelta.
const N_FEATURES = 12;
const N_TRAIN = 3000;
const N_TEST = 600;
const EPOCHS = 15;
const BATCH_SIZE = 32;

const weights = rng.array(N_FEATURES, () => rng.normal(0, 0.7));

function makeCustomers(n) {
  const xs = [];
  const ys = [];
  for (let i = 0; i < n; i++) {
    const x = rng.array(N_FEATURES, () => rng.normal(0, 1));
    let score = x.reduce((s, v, j) => s + v * weights[j], 0);
    score += 1.2 * x[0] * x[1] - 0.9 * Math.abs(x[2]) + 0.8 * Math.sin(2 * x[3]) + 0.5;
    ys.push(score + rng.normal(0, 0.3) > 0 ? 1 : 0);
    xs.push(x);
  }
  return { xs, ys };
}

async function main() {
  await tf.setBackend('wasm');

  const train = makeCustomers(N_TRAIN);
  const test = makeCustomers(N_TEST);
  const xTrain = tf.tensor2d(train.xs, [N_TRAIN, N_FEATURES]);
  const yTrain = tf.tensor2d(train.ys, [N_TRAIN, 1]);
  const xTest = tf.tensor2d(test.xs, [N_TEST, N_FEATURES]);
  const yTest = tf.tensor2d(test.ys, [N_TEST, 1]);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [N_FEATURES] }));
  model.add(tf.layers.dense({ units: 32, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 1, activation: 'sigmoid' }));

  const optimizer = tf.train.adadelta();
  model.compile({ optimizer, loss: 'binaryCrossentropy', metrics: ['accuracy'] });
  const history = await model.fit(xTrain, yTrain, { epochs: EPOCHS, batchSize: BATCH_SIZE, shuffle: true, verbose: 0 });

  const losses = history.history.loss;
  const acc = history.history.acc;
  const [testLoss, testAcc] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  const positiveRate = train.ys.reduce((s, v) => s + v, 0) / N_TRAIN;
  console.log(`loss ${losses[0].toFixed(3)} -> ${losses[losses.length - 1].toFixed(3)} acc ${acc[acc.length - 1].toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)} (churn rate ${positiveRate.toFixed(3)})`);
}

main();
