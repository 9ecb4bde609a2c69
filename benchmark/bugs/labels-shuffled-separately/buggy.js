'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(5813);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Four-class classifier on 10 sensor readings. The class is the quadrant of two mixed signals,
// (x0 + x1, x2 - x3); the remaining readings are noise. The training rows are collected as plain
// JS arrays, shuffled once, then turned into tensors for model.fit.
const NUM_FEATURES = 10;
const NUM_CLASSES = 4;
const N_TRAIN = 3000;
const N_TEST = 400;

function makeRows(n) {
  const features = [];
  const labels = [];
  for (let i = 0; i < n; i++) {
    const x = rng.array(NUM_FEATURES, () => rng.normal(0, 1));
    const a = x[0] + x[1];
    const b = x[2] - x[3];
    const c = (a > 0 ? 1 : 0) + (b > 0 ? 2 : 0);
    features.push(x);
    labels.push([0, 1, 2, 3].map((k) => (k === c ? 1 : 0)));
  }
  return { features, labels };
}

async function main() {
  await tf.setBackend('wasm');

  let { features, labels } = makeRows(N_TRAIN);
  const test = makeRows(N_TEST);

  // mix the rows up before training
  tf.util.shuffle(features);
  tf.util.shuffle(labels);

  const xTrain = tf.tensor2d(features, [N_TRAIN, NUM_FEATURES]);
  const yTrain = tf.tensor2d(labels, [N_TRAIN, NUM_CLASSES]);
  const xTest = tf.tensor2d(test.features, [N_TEST, NUM_FEATURES]);
  const yTest = tf.tensor2d(test.labels, [N_TEST, NUM_CLASSES]);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 16, activation: 'relu', inputShape: [NUM_FEATURES] }));
  model.add(tf.layers.dense({ units: 16, activation: 'relu' }));
  model.add(tf.layers.dense({ units: NUM_CLASSES, activation: 'softmax' }));
  model.compile({ optimizer: tf.train.adam(0.005), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(xTrain, yTrain, { epochs: 15, batchSize: 32, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testAcc] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
