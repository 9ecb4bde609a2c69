'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(6620);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Land-cover classification of satellite pixels: 20 standardized spectral band reflectances,
// 10 classes (forest, cropland, water, urban, ...). Each class has a typical spectrum and pixels
// scatter around it. MLP regularized with dropout after each hidden layer, Adam, model.fit;
// the held-out pixels are then classified and scored.
const NUM_CLASSES = 10;
const NUM_BANDS = 20;
const N_TRAIN = 1000;
const N_TEST = 500;

const spectra = rng.array(NUM_CLASSES, () => rng.array(NUM_BANDS, () => rng.normal(0, 1)));

function makePixels(n) {
  const xs = [];
  const labels = [];
  for (let i = 0; i < n; i++) {
    const c = rng.int(0, NUM_CLASSES);
    xs.push(spectra[c].map((m) => m + rng.normal(0, 1)));
    labels.push(c);
  }
  return { xs, labels };
}

async function main() {
  await tf.setBackend('wasm');

  const train = makePixels(N_TRAIN);
  const test = makePixels(N_TEST);
  const xTrain = tf.tensor2d(train.xs, [N_TRAIN, NUM_BANDS]);
  const yTrain = tf.oneHot(tf.tensor1d(train.labels, 'int32'), NUM_CLASSES).toFloat();
  const xTest = tf.tensor2d(test.xs, [N_TEST, NUM_BANDS]);
  const yTest = tf.oneHot(tf.tensor1d(test.labels, 'int32'), NUM_CLASSES).toFloat();

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [NUM_BANDS] }));
  model.add(tf.layers.dropout({ rate: 0.5 }));
  model.add(tf.layers.dense({ units: 32, activation: 'relu' }));
  model.add(tf.layers.dropout({ rate: 0.5 }));
  model.add(tf.layers.dense({ units: NUM_CLASSES, activation: 'softmax' }));
  model.compile({ optimizer: tf.train.adam(0.005), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(xTrain, yTrain, { epochs: 15, batchSize: 32, shuffle: true, verbose: 0 });

  const testProbs = model.predict(xTest);
  const predicted = testProbs.argMax(-1);
  const testLoss = tf.metrics.categoricalCrossentropy(yTest, testProbs).mean().dataSync()[0];
  const testAcc = predicted.equal(yTest.argMax(-1)).mean().dataSync()[0];

  const h = history.history;
  const last = h.loss.length - 1;
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
