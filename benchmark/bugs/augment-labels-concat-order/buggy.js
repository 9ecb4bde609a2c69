'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(4821);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Activity recognition from accelerometer summary features: 3 axes x (mean, std, min, max) = 12
// features per window, 4 activities. There are only 240 labelled windows, so every training
// window is doubled with a jittered, rescaled copy before fitting.
const ACTIVITIES = ['sitting', 'walking', 'running', 'cycling'];
const NUM_FEATURES = 12;

const profiles = ACTIVITIES.map(() => rng.array(NUM_FEATURES, () => rng.normal(0, 1)));

function recordWindows(n) {
  const xs = [];
  const labels = [];
  for (let i = 0; i < n; i++) {
    const a = rng.int(0, ACTIVITIES.length);
    xs.push(profiles[a].map((m) => m + rng.normal(0, 0.9)));
    labels.push(a);
  }
  return { xs, labels };
}

function jitter(row) {
  const scale = rng.uniform(0.9, 1.1);
  return row.map((v) => v * scale + rng.normal(0, 0.1));
}

async function main() {
  await tf.setBackend('wasm');
  const train = recordWindows(240);
  const test = recordWindows(400);

  const augX = [];
  for (let i = 0; i < train.xs.length; i++) {
    augX.push(train.xs[i]);
    augX.push(jitter(train.xs[i]));
  }
  const augLabels = train.labels.concat(train.labels);

  const xTrain = tf.tensor2d(augX, [augX.length, NUM_FEATURES]);
  const yTrain = tf.oneHot(tf.tensor1d(augLabels, 'int32'), ACTIVITIES.length);
  const xTest = tf.tensor2d(test.xs, [test.xs.length, NUM_FEATURES]);
  const yTest = tf.oneHot(tf.tensor1d(test.labels, 'int32'), ACTIVITIES.length);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [NUM_FEATURES] }));
  model.add(tf.layers.dense({ units: 32, activation: 'relu' }));
  model.add(tf.layers.dense({ units: ACTIVITIES.length, activation: 'softmax' }));
  model.compile({ optimizer: tf.train.adam(0.005), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(xTrain, yTrain, { epochs: 30, batchSize: 32, shuffle: true, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testAcc] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
