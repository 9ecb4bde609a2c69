'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(3156);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Activity recognition from accelerometer summaries: every 2-second window is reduced to 12
// standardized statistics (means, spreads and peak counts per axis) and labelled with one of
// four activities. Windows of one activity scatter around that activity's typical profile.
const ACTIVITIES = ['sitting', 'walking', 'running', 'cycling'];
const NUM_CLASSES = ACTIVITIES.length;
const NUM_FEATURES = 12;
const N_TRAIN = 1200;
const N_TEST = 400;

const profiles = rng.array(NUM_CLASSES, () => rng.array(NUM_FEATURES, () => rng.normal(0, 1)));

function makeWindows(n) {
  const features = [];
  const labels = [];
  for (let i = 0; i < n; i++) {
    const label = rng.int(0, NUM_CLASSES);
    features.push(profiles[label].map((m) => m + rng.normal(0, 1)));
    labels.push(label);
  }
  return { features, labels };
}

function oneHot(label) {
  return Array.from({ length: NUM_CLASSES }, (_, k) => (k === label ? 1 : 0));
}

async function main() {
  await tf.setBackend('wasm');

  const trainSet = makeWindows(N_TRAIN);
  const testSet = makeWindows(N_TEST);
  const xTrain = tf.tensor2d(trainSet.features, [N_TRAIN, NUM_FEATURES]);
  const yTrain = tf.tensor2d(trainSet.labels.map(oneHot), [N_TRAIN, NUM_CLASSES]);
  const xTest = tf.tensor2d(testSet.features, [N_TEST, NUM_FEATURES]);
  const yTest = tf.tensor2d(testSet.labels.map(oneHot), [N_TEST, NUM_CLASSES]);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [NUM_FEATURES] }));
  model.add(tf.layers.dense({ units: 16, activation: 'relu' }));
  model.add(tf.layers.dense({ units: NUM_CLASSES, activation: 'softmax' }));
  model.compile({ optimizer: tf.train.adam(0.005), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(xTrain, yTrain, { epochs: 15, batchSize: 32, shuffle: true, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  const predicted = model.predict(xTest).argMax(-1).dataSync();
  const testAcc = testSet.labels.filter((label, i) => predicted[i] === label).length / N_TEST;
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
