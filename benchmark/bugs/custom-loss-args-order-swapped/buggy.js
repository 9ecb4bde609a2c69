'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(6628);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Land-cover classification of satellite pixels: 10 standardized spectral band reflectances
// -> one of five classes (water / forest / cropland / urban / bare soil). Each class has a
// typical spectrum and pixels scatter around it. Small MLP compiled with a hand-written
// categorical cross-entropy.
const CLASSES = ['water', 'forest', 'cropland', 'urban', 'bare'];
const N_BANDS = 10;
const N_TRAIN = 1000;
const N_TEST = 400;

const spectra = CLASSES.map(() => rng.array(N_BANDS, () => rng.normal(0, 1)));

function makePixels(n) {
  const rows = [];
  const labels = [];
  for (let i = 0; i < n; i++) {
    const c = rng.int(0, CLASSES.length);
    rows.push(spectra[c].map((m) => m + rng.normal(0, 0.8)));
    labels.push(c);
  }
  return { rows, labels };
}

function crossentropy(yPred, yTrue) {
  return tf.neg(tf.sum(tf.mul(yTrue, tf.log(yPred)), -1));
}

async function main() {
  await tf.setBackend('wasm');

  const train = makePixels(N_TRAIN);
  const test = makePixels(N_TEST);
  const xTrain = tf.tensor2d(train.rows);
  const yTrain = tf.oneHot(tf.tensor1d(train.labels, 'int32'), CLASSES.length).toFloat();
  const xTest = tf.tensor2d(test.rows);
  const yTest = tf.oneHot(tf.tensor1d(test.labels, 'int32'), CLASSES.length).toFloat();

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [N_BANDS] }));
  model.add(tf.layers.dense({ units: 16, activation: 'relu' }));
  model.add(tf.layers.dense({ units: CLASSES.length, activation: 'softmax' }));
  model.compile({ optimizer: tf.train.adam(0.005), loss: crossentropy, metrics: ['accuracy'] });

  const history = await model.fit(xTrain, yTrain, { epochs: 30, batchSize: 32, shuffle: true, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testAcc] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
