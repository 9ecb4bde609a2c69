'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(5821);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Delivery-time regression from 6 standardized order features (distance, items, traffic, ...).
// About 5% of the recorded times are outliers (lost couriers, wrong timestamps), so the model is
// trained with the Huber loss instead of MSE to keep those rows from dominating.
const N_TRAIN = 1200;
const N_TEST = 400;
const NUM_FEATURES = 6;
const HUBER_DELTA = 1.0;

const coef = rng.array(NUM_FEATURES, () => rng.uniform(-1.5, 1.5));

function makeOrders(n, withOutliers) {
  const xs = [];
  const ys = [];
  for (let i = 0; i < n; i++) {
    const x = rng.array(NUM_FEATURES, () => rng.normal(0, 1));
    let y = 3 + x.reduce((s, v, j) => s + coef[j] * v, 0) + 0.8 * Math.sin(2 * x[0]) + 0.5 * x[1] * x[2];
    y += rng.normal(0, 0.2);
    if (withOutliers && rng.random() < 0.05) y += rng.uniform(8, 20);
    xs.push(x);
    ys.push([y]);
  }
  return { xs, ys };
}

function huber(yTrue, yPred) {
  return tf.losses.huberLoss(yTrue, yPred, undefined, HUBER_DELTA);
}

async function main() {
  await tf.setBackend('wasm');

  const train = makeOrders(N_TRAIN, true);
  const test = makeOrders(N_TEST, false);
  const xTrain = tf.tensor2d(train.xs, [N_TRAIN, NUM_FEATURES]);
  const yTrain = tf.tensor2d(train.ys, [N_TRAIN, 1]);
  const xTest = tf.tensor2d(test.xs, [N_TEST, NUM_FEATURES]);
  const yTest = tf.tensor2d(test.ys, [N_TEST, 1]);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [NUM_FEATURES] }));
  model.add(tf.layers.dense({ units: 16, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 1 }));

  model.compile({ optimizer: tf.train.sgd(0.05), loss: huber, metrics: ['mae'] });

  const history = await model.fit(xTrain, yTrain, { epochs: 30, batchSize: 32, shuffle: true, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testMae] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  const baselineMae = tf.tidy(() => yTest.sub(yTrain.mean()).abs().mean().dataSync()[0]);
  console.log(`loss ${h.loss[0].toExponential(3)} -> ${h.loss[last].toExponential(3)} mae ${h.mae[0].toFixed(3)} -> ${h.mae[last].toFixed(3)} | test loss ${testLoss.toExponential(3)} test mae ${testMae.toFixed(3)} (predict-the-mean mae ${baselineMae.toFixed(3)})`);
}

main();
