'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(9034);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Churn prediction: 10 standardized customer features (tenure, monthly spend, support calls, ...)
// and a 0/1 label for whether the customer left. Small MLP, log loss, Adam.
const N_TRAIN = 1000;
const N_TEST = 400;
const NUM_FEATURES = 10;

const w = rng.array(NUM_FEATURES, () => rng.normal(0, 1));

function makeCustomers(n) {
  const xs = [];
  const ys = [];
  for (let i = 0; i < n; i++) {
    const x = rng.array(NUM_FEATURES, () => rng.normal(0, 1));
    const score = x.reduce((s, v, j) => s + w[j] * v, 0) + 1.5 * x[0] * x[1] - 0.5;
    const p = 1 / (1 + Math.exp(-2 * score));
    xs.push(x);
    ys.push([rng.random() < p ? 1 : 0]);
  }
  return { xs, ys };
}

async function main() {
  await tf.setBackend('wasm');

  const train = makeCustomers(N_TRAIN);
  const test = makeCustomers(N_TEST);
  const xTrain = tf.tensor2d(train.xs, [N_TRAIN, NUM_FEATURES]);
  const yTrain = tf.tensor2d(train.ys, [N_TRAIN, 1]);
  const xTest = tf.tensor2d(test.xs, [N_TEST, NUM_FEATURES]);
  const yTest = tf.tensor2d(test.ys, [N_TEST, 1]);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 24, activation: 'relu', inputShape: [NUM_FEATURES] }));
  model.add(tf.layers.dense({ units: 12, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 1, activation: 'sigmoid' }));

  model.compile({ optimizer: tf.train.adam(0.01), loss: (yTrue, yPred) => tf.losses.logLoss(yTrue, yPred), metrics: ['binaryAccuracy'] });

  const history = await model.fit(xTrain, yTrain, { epochs: 20, batchSize: 32, shuffle: true, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testAcc] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.binaryAccuracy[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)} (positives ${yTest.mean().dataSync()[0].toFixed(3)})`);
}

main();
