'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(4417);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Hand-gesture recognition from a wrist IMU: every recording is summarised by 18 features
// (mean, std and range of the 3 accelerometer and 3 gyroscope axes). Each subject performed the
// five gestures once, in the protocol order, so the log holds the rows subject by subject.
// People differ in how they hold their arm and how fast they move, so every subject adds a
// personal offset and speed factor on top of the gesture's typical profile.
const GESTURES = ['swipe-left', 'swipe-right', 'circle', 'tap', 'shake'];
const N_FEATURES = 18;
const N_SUBJECTS = 300;
const EPOCHS = 15;
const BATCH_SIZE = 32;

const prototypes = GESTURES.map(() => rng.array(N_FEATURES, () => rng.normal(0, 1)));

function recordSession() {
  const offset = rng.array(N_FEATURES, () => rng.normal(0, 0.7));
  const speed = rng.uniform(0.7, 1.3);
  return GESTURES.map((g, c) => prototypes[c].map((m, j) => speed * m + offset[j] + rng.normal(0, 1.0)));
}

async function main() {
  await tf.setBackend('wasm');

  const rows = [];
  const labels = [];
  for (let s = 0; s < N_SUBJECTS; s++) {
    recordSession().forEach((features, c) => {
      rows.push(features);
      labels.push(c);
    });
  }

  // Hold out 20% of the recordings for testing.
  const trainIdx = [];
  const testIdx = [];
  for (let i = 0; i < rows.length; i++) {
    if (i % 5 === 4) testIdx.push(i);
    else trainIdx.push(i);
  }

  const xTrain = tf.tensor2d(trainIdx.map((i) => rows[i]), [trainIdx.length, N_FEATURES]);
  const yTrain = tf.oneHot(tf.tensor1d(trainIdx.map((i) => labels[i]), 'int32'), GESTURES.length).toFloat();
  const xTest = tf.tensor2d(testIdx.map((i) => rows[i]), [testIdx.length, N_FEATURES]);
  const yTest = tf.oneHot(tf.tensor1d(testIdx.map((i) => labels[i]), 'int32'), GESTURES.length).toFloat();

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [N_FEATURES] }));
  model.add(tf.layers.dense({ units: 32, activation: 'relu' }));
  model.add(tf.layers.dense({ units: GESTURES.length, activation: 'softmax' }));
  model.compile({ optimizer: tf.train.adam(0.005), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(xTrain, yTrain, { epochs: EPOCHS, batchSize: BATCH_SIZE, shuffle: true, verbose: 0 });
  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testAcc] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
