'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(5261);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Land-cover classification of satellite pixels: each pixel has reflectances in 7 spectral
// bands (0..1) and belongs to one of 5 cover types (water, forest, cropland, urban, bare soil).
// Every cover type has its own spectral signature; pixels vary around it with illumination
// (a common brightness factor) and sensor noise. Small MLP trained with model.fit.
const COVER_TYPES = ['water', 'forest', 'cropland', 'urban', 'bare'];
const N_BANDS = 7;
const N_TRAIN = 1500;
const N_TEST = 500;
const EPOCHS = 20;
const BATCH_SIZE = 32;

const signatures = COVER_TYPES.map(() => rng.array(N_BANDS, () => rng.uniform(0.05, 0.6)));

function makePixels(n) {
  const xs = [];
  const labels = [];
  for (let i = 0; i < n; i++) {
    const c = rng.int(0, COVER_TYPES.length);
    const brightness = rng.uniform(0.8, 1.2);
    xs.push(signatures[c].map((r) => Math.min(1, Math.max(0, r * brightness + rng.normal(0, 0.1)))));
    labels.push(c);
  }
  return { xs, labels };
}

async function main() {
  await tf.setBackend('wasm');
  const train = makePixels(N_TRAIN);
  const test = makePixels(N_TEST);
  const xTrain = tf.tensor2d(train.xs, [N_TRAIN, N_BANDS]);
  const yTrain = tf.oneHot(tf.tensor1d(train.labels, 'int32'), COVER_TYPES.length).toFloat();
  const xTest = tf.tensor2d(test.xs, [N_TEST, N_BANDS]);
  const yTest = tf.oneHot(tf.tensor1d(test.labels, 'int32'), COVER_TYPES.length).toFloat();

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [N_BANDS] }));
  model.add(tf.layers.dense({ units: 32, activation: 'relu' }));
  model.add(tf.layers.dense({ units: COVER_TYPES.length, activation: 'softmax' }));
  model.compile({ optimizer: tf.train.adam(0.01), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(xTrain, yTrain, { epochs: EPOCHS, batchSize: BATCH_SIZE, shuffle: true, verbose: 0 });
  const losses = history.history.loss;
  const accs = history.history.acc;
  const [testLoss, testAcc] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  console.log(`loss ${losses[0].toFixed(3)} -> ${losses[losses.length - 1].toFixed(3)} acc ${accs[0].toFixed(3)} -> ${accs[accs.length - 1].toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
