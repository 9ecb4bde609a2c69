'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(4471);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Land-cover classifier: each pixel has 12 spectral band readings and an integer class label
// (0 water, 1 forest, 2 cropland, 3 urban, 4 bare soil). Labels stay as integers and the model
// uses sparseCategoricalCrossentropy, so no one-hot encoding is needed.
const NUM_BANDS = 12;
const COVER_TYPES = ['water', 'forest', 'cropland', 'urban', 'bare soil'];

const signatures = COVER_TYPES.map(() => rng.array(NUM_BANDS, () => rng.normal(0, 1)));

function makePixels(n) {
  const xs = [];
  const labels = [];
  for (let i = 0; i < n; i++) {
    const c = rng.int(0, COVER_TYPES.length);
    xs.push(signatures[c].map((s) => s + rng.normal(0, 0.9)));
    labels.push(c);
  }
  return { xs, labels };
}

async function main() {
  await tf.setBackend('wasm');

  const train = makePixels(1200);
  const test = makePixels(400);
  const xTrain = tf.tensor2d(train.xs, [1200, NUM_BANDS]);
  const yTrain = tf.tensor1d(train.labels, 'float32');
  const xTest = tf.tensor2d(test.xs, [400, NUM_BANDS]);
  const yTest = tf.tensor1d(test.labels, 'float32');

  // how many classes the labels use
  const numClasses = Math.max(...train.labels) + 1;

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [NUM_BANDS] }));
  model.add(tf.layers.dense({ units: 32, activation: 'relu' }));
  model.add(tf.layers.dense({ units: numClasses, activation: 'softmax' }));

  model.compile({ optimizer: tf.train.adam(0.005), loss: 'sparseCategoricalCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(xTrain, yTrain, { epochs: 30, batchSize: 32, shuffle: true, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testAcc] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
