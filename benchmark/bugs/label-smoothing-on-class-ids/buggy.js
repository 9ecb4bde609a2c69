'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(6019);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Land-cover classification of satellite pixels from 10 spectral band reflectances (water,
// forest, cropland, urban, bare soil). Each cover type has its own spectral signature and pixels
// scatter around it. MLP trained with label smoothing on the training targets.
const COVER_TYPES = ['water', 'forest', 'cropland', 'urban', 'bare'];
const N_BANDS = 10;
const N_TRAIN = 1000;
const N_TEST = 400;
const LABEL_SMOOTHING = 0.1;

const signatures = COVER_TYPES.map(() => rng.array(N_BANDS, () => rng.normal(0, 1)));

function samplePixels(n) {
  const xs = [];
  const labels = [];
  for (let i = 0; i < n; i++) {
    const c = rng.int(0, COVER_TYPES.length);
    xs.push(signatures[c].map((m) => m + rng.normal(0, 0.8)));
    labels.push(c);
  }
  return { xs, labels };
}

async function main() {
  await tf.setBackend('wasm');

  const train = samplePixels(N_TRAIN);
  const test = samplePixels(N_TEST);
  const xTrain = tf.tensor2d(train.xs);
  const yTrain = tf.tensor1d(train.labels.map((y) => y * (1 - LABEL_SMOOTHING) + LABEL_SMOOTHING / 2));
  const xTest = tf.tensor2d(test.xs);
  const yTest = tf.oneHot(tf.tensor1d(test.labels, 'int32'), COVER_TYPES.length).toFloat();

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [N_BANDS] }));
  model.add(tf.layers.dense({ units: 32, activation: 'relu' }));
  model.add(tf.layers.dense({ units: COVER_TYPES.length, activation: 'softmax' }));
  model.compile({ optimizer: tf.train.adam(0.005), loss: 'sparseCategoricalCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(xTrain, yTrain, { epochs: 20, batchSize: 32, shuffle: true, verbose: 0 });

  const probs = model.predict(xTest);
  const testLoss = tf.metrics.categoricalCrossentropy(yTest, probs).mean().dataSync()[0];
  const testAcc = tf.metrics.categoricalAccuracy(yTest, probs).mean().dataSync()[0];

  const h = history.history;
  const last = h.loss.length - 1;
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
