'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(5318);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Telecom churn: predict whether a subscriber leaves next month from 10 standardized account
// features (tenure, monthly charge, support calls, data usage, ...). Churn depends on a few
// features and their interactions. 20% of the training rows are held out for validation and
// training stops once the validation loss stops improving.
const N_FEATURES = 10;
const N_TRAIN = 1000;
const N_TEST = 400;

function makeCustomers(n) {
  const xs = [];
  const ys = [];
  for (let i = 0; i < n; i++) {
    const x = rng.array(N_FEATURES, () => rng.normal(0, 1));
    const score = 1.4 * x[1] * x[3] - 1.2 * x[0] * x[2] + 0.8 * x[5] - 0.5 * x[7] + rng.normal(0, 0.3);
    xs.push(x);
    ys.push([score > 0 ? 1 : 0]);
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
  model.add(tf.layers.dense({ units: 16, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 1, activation: 'sigmoid' }));
  model.compile({ optimizer: tf.train.adam(0.001), loss: 'binaryCrossentropy', metrics: ['accuracy'] });

  const earlyStop = tf.callbacks.earlyStopping({ monitor: 'val_loss', patience: 2 });
  const history = await model.fit(xTrain, yTrain, { epochs: 80, batchSize: 32, validationSplit: 0.2, shuffle: true, verbose: 0, callbacks: [earlyStop] });

  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testAcc] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  console.log(`epochs ${h.loss.length} loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} val loss ${h.val_loss[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
