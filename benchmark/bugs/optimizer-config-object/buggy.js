'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(5127);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Land-cover classification of satellite pixels (water / forest / cropland / urban) from the
// reflectance in 8 spectral bands, standardized per band. Each class has a typical spectrum,
// pixels vary around it with sensor noise and a per-pixel brightness (illumination) factor.
const CLASSES = ['water', 'forest', 'cropland', 'urban'];
const N_BANDS = 8;
const N_TRAIN = 1200;
const N_TEST = 400;
const LEARNING_RATE = 0.001;

const spectra = CLASSES.map(() => rng.array(N_BANDS, () => rng.normal(0, 1)));

function makePixels(n) {
  const xs = [];
  const labels = [];
  for (let i = 0; i < n; i++) {
    const c = rng.int(0, CLASSES.length);
    const brightness = rng.uniform(0.6, 1.4);
    xs.push(spectra[c].map((s) => brightness * s + rng.normal(0, 0.6)));
    labels.push(c);
  }
  return { xs, labels };
}

async function main() {
  await tf.setBackend('wasm');

  const train = makePixels(N_TRAIN);
  const test = makePixels(N_TEST);
  const xTrain = tf.tensor2d(train.xs, [N_TRAIN, N_BANDS]);
  const yTrain = tf.oneHot(tf.tensor1d(train.labels, 'int32'), CLASSES.length).toFloat();
  const xTest = tf.tensor2d(test.xs, [N_TEST, N_BANDS]);
  const yTest = tf.oneHot(tf.tensor1d(test.labels, 'int32'), CLASSES.length).toFloat();

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [N_BANDS] }));
  model.add(tf.layers.dense({ units: 16, activation: 'relu' }));
  model.add(tf.layers.dense({ units: CLASSES.length, activation: 'softmax' }));

  const optimizer = tf.train.adam({ learningRate: LEARNING_RATE });
  model.compile({ optimizer, loss: 'categoricalCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(xTrain, yTrain, { epochs: 30, batchSize: 32, shuffle: true, verbose: 0 });
  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testAcc] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
