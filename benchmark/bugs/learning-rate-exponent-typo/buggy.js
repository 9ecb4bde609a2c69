'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(7046);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Land-cover mapping: classify a satellite pixel as water, forest, cropland, urban or bare soil
// from 10 standardized spectral band reflectances. Each class has a typical spectrum; pixels
// vary around it with sensor noise and illumination. Small MLP with a softmax output, trained
// with model.fit and Adam.
const CLASSES = ['water', 'forest', 'cropland', 'urban', 'bare'];
const N_BANDS = 10;
const N_TRAIN = 1500;
const N_TEST = 500;
const EPOCHS = 20;
const BATCH_SIZE = 32;
const LEARNING_RATE = 1e3;

const spectra = CLASSES.map(() => rng.array(N_BANDS, () => rng.normal(0, 1)));

function samplePixels(n) {
  const xs = [];
  const labels = [];
  for (let i = 0; i < n; i++) {
    const c = rng.int(0, CLASSES.length);
    const illumination = 1 + rng.normal(0, 0.2);
    xs.push(spectra[c].map((s) => s * illumination + rng.normal(0, 0.8)));
    labels.push(c);
  }
  return { xs, labels };
}

async function main() {
  await tf.setBackend('wasm');

  const train = samplePixels(N_TRAIN);
  const test = samplePixels(N_TEST);
  const xTrain = tf.tensor2d(train.xs, [N_TRAIN, N_BANDS]);
  const yTrain = tf.oneHot(tf.tensor1d(train.labels, 'int32'), CLASSES.length).toFloat();
  const xTest = tf.tensor2d(test.xs, [N_TEST, N_BANDS]);
  const yTest = tf.oneHot(tf.tensor1d(test.labels, 'int32'), CLASSES.length).toFloat();

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [N_BANDS] }));
  model.add(tf.layers.dense({ units: 32, activation: 'relu' }));
  model.add(tf.layers.dense({ units: CLASSES.length, activation: 'softmax' }));
  model.compile({ optimizer: tf.train.adam(LEARNING_RATE), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(xTrain, yTrain, { epochs: EPOCHS, batchSize: BATCH_SIZE, shuffle: true, verbose: 0 });
  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testAcc] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
