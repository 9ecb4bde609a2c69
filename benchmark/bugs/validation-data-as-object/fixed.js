'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(6029);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Churn prediction for a small subscription service: 20 standardized account features (tenure,
// monthly spend, support tickets, logins, plan flags, ...) -> churned within 90 days (0/1). Only
// a few hundred labelled accounts exist, so a separate validation set drives early stopping.
const NUM_FEATURES = 20;
const N_TRAIN = 300;
const N_VAL = 100;
const N_TEST = 600;
const MAX_EPOCHS = 200;

const weights = rng.array(NUM_FEATURES, (i) => (i < 5 ? rng.normal(0, 2) : 0));

function makeAccounts(n) {
  const xs = [];
  const ys = [];
  for (let i = 0; i < n; i++) {
    const x = rng.array(NUM_FEATURES, () => rng.normal(0, 1));
    const logit = x.reduce((s, v, j) => s + v * weights[j], 0) + 0.8 * x[0] * x[1];
    ys.push([rng.random() < 1 / (1 + Math.exp(-logit)) ? 1 : 0]);
    xs.push(x);
  }
  return { xs, ys };
}

async function main() {
  await tf.setBackend('wasm');

  const train = makeAccounts(N_TRAIN);
  const val = makeAccounts(N_VAL);
  const test = makeAccounts(N_TEST);
  const xTrain = tf.tensor2d(train.xs, [N_TRAIN, NUM_FEATURES]);
  const yTrain = tf.tensor2d(train.ys, [N_TRAIN, 1]);
  const xVal = tf.tensor2d(val.xs, [N_VAL, NUM_FEATURES]);
  const yVal = tf.tensor2d(val.ys, [N_VAL, 1]);
  const xTest = tf.tensor2d(test.xs, [N_TEST, NUM_FEATURES]);
  const yTest = tf.tensor2d(test.ys, [N_TEST, 1]);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 64, activation: 'relu', inputShape: [NUM_FEATURES] }));
  model.add(tf.layers.dense({ units: 64, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 1, activation: 'sigmoid' }));
  model.compile({ optimizer: tf.train.adam(0.001), loss: 'binaryCrossentropy', metrics: ['accuracy'] });

  const earlyStop = tf.callbacks.earlyStopping({ monitor: 'val_loss', patience: 8 });
  const history = await model.fit(xTrain, yTrain, { epochs: MAX_EPOCHS, batchSize: 32, validationData: [xVal, yVal], callbacks: [earlyStop], verbose: 0 });
  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testAcc] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  console.log(`epochs ${h.loss.length} | loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
