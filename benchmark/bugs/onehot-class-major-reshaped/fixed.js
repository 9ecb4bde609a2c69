'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(9579);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Land-cover classification of map tiles from six spectral band averages
// (water, forest, cropland, urban). Each class has its own spectral signature; a tile's
// readings scatter around it with sensor noise. A small MLP with a softmax head is trained on
// one survey and scored on tiles from a second survey.
const CLASSES = ['water', 'forest', 'cropland', 'urban'];
const K = CLASSES.length;
const BANDS = 6;
const N_TRAIN = 1200;
const N_TEST = 400;

// mean reflectance per band for each land-cover class
const SIGNATURES = [
  [0.06, 0.05, 0.04, 0.03, 0.02, 0.01],
  [0.04, 0.08, 0.05, 0.35, 0.18, 0.09],
  [0.07, 0.11, 0.10, 0.28, 0.24, 0.15],
  [0.14, 0.15, 0.17, 0.21, 0.26, 0.22],
];

function surveyTiles(n) {
  const features = [];
  const labels = [];
  for (let i = 0; i < n; i++) {
    const c = rng.int(0, K);
    const brightness = rng.uniform(0.8, 1.2);
    features.push(SIGNATURES[c].map((m) => Math.max(0, m * brightness + rng.normal(0, 0.025))));
    labels.push(c);
  }
  return { features, labels };
}

// one indicator column per class, stacked into the label matrix
function oneHot(labels) {
  const n = labels.length;
  const flat = [];
  for (let c = 0; c < K; c++) {
    for (let i = 0; i < n; i++) flat.push(labels[i] === c ? 1 : 0);
  }
  return tf.tensor2d(flat, [K, n]).transpose();
}

async function main() {
  await tf.setBackend('wasm');

  const train = surveyTiles(N_TRAIN);
  const test = surveyTiles(N_TEST);
  const xTrainRaw = tf.tensor2d(train.features, [N_TRAIN, BANDS]);
  const xTestRaw = tf.tensor2d(test.features, [N_TEST, BANDS]);
  const yTrain = oneHot(train.labels);

  const { mean, variance } = tf.moments(xTrainRaw, 0);
  const std = variance.sqrt().add(1e-6);
  const xTrain = xTrainRaw.sub(mean).div(std);
  const xTest = xTestRaw.sub(mean).div(std);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [BANDS] }));
  model.add(tf.layers.dense({ units: 16, activation: 'relu' }));
  model.add(tf.layers.dense({ units: K, activation: 'softmax' }));
  model.compile({ optimizer: tf.train.adam(0.01), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(xTrain, yTrain, { epochs: 30, batchSize: 32, shuffle: true, verbose: 0 });

  const predicted = model.predict(xTest).argMax(1).dataSync();
  let correct = 0;
  for (let i = 0; i < N_TEST; i++) if (predicted[i] === test.labels[i]) correct++;
  const h = history.history;
  const last = h.loss.length - 1;
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} | test acc ${(correct / N_TEST).toFixed(3)}`);
}

main();
