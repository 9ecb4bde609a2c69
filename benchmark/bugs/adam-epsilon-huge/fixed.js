'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(5821);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Four-class classifier on 12 standardized sensor features. The class is the quadrant given by
// the signs of two fixed linear combinations of the features (with a little jitter), so a
// small MLP should separate it. Trained with Adam, categorical cross-entropy, batches of 32.
const NUM_FEATURES = 12;
const NUM_CLASSES = 4;
const N_TRAIN = 1200;
const N_TEST = 400;

const dirA = rng.array(NUM_FEATURES, () => rng.normal(0, 1));
const dirB = rng.array(NUM_FEATURES, () => rng.normal(0, 1));
const dot = (u, v) => u.reduce((s, ui, i) => s + ui * v[i], 0);

function makeData(n) {
  const xs = [];
  const ys = [];
  for (let i = 0; i < n; i++) {
    const row = rng.array(NUM_FEATURES, () => rng.normal(0, 1));
    const a = dot(row, dirA) + rng.normal(0, 0.1);
    const b = dot(row, dirB) + rng.normal(0, 0.1);
    const c = (a > 0 ? 1 : 0) + (b > 0 ? 2 : 0);
    xs.push(row);
    ys.push([0, 1, 2, 3].map((k) => (k === c ? 1 : 0)));
  }
  return { xs, ys };
}

async function main() {
  await tf.setBackend('wasm');

  const train = makeData(N_TRAIN);
  const test = makeData(N_TEST);
  const xTrain = tf.tensor2d(train.xs, [N_TRAIN, NUM_FEATURES]);
  const yTrain = tf.tensor2d(train.ys, [N_TRAIN, NUM_CLASSES]);
  const xTest = tf.tensor2d(test.xs, [N_TEST, NUM_FEATURES]);
  const yTest = tf.tensor2d(test.ys, [N_TEST, NUM_CLASSES]);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [NUM_FEATURES] }));
  model.add(tf.layers.dense({ units: 32, activation: 'relu' }));
  model.add(tf.layers.dense({ units: NUM_CLASSES, activation: 'softmax' }));

  // learningRate, beta1, beta2, epsilon
  const optimizer = tf.train.adam(0.001, 0.9, 0.999, 1e-7);
  model.compile({ optimizer, loss: 'categoricalCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(xTrain, yTrain, { epochs: 25, batchSize: 32, shuffle: true, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testAcc] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
