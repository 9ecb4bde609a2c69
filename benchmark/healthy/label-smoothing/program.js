'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(9091);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Four classes with label smoothing (0.1): the targets are 0.925 / 0.025 instead of one-hot,
// a common regularizer with softmax and categorical cross-entropy.
const FEATURES = 10;
const CLASSES = 4;
const SMOOTHING = 0.1;
const centres = rng.array(CLASSES, () => rng.array(FEATURES, () => rng.normal(0, 1)));

function makeSet(n, smooth) {
  const rows = [];
  const targets = [];
  const labels = [];
  for (let i = 0; i < n; i++) {
    const label = rng.int(0, CLASSES);
    rows.push(centres[label].map((c) => c + rng.normal(0, 1)));
    targets.push(rng.array(CLASSES, (c) => (c === label ? 1 - smooth : 0) + smooth / CLASSES));
    labels.push(label);
  }
  return { rows, targets, labels };
}

async function main() {
  await tf.setBackend('wasm');
  const train = makeSet(1200, SMOOTHING);
  const test = makeSet(400, 0);
  const xTrain = tf.tensor2d(train.rows, [1200, FEATURES]);
  const yTrain = tf.tensor2d(train.targets, [1200, CLASSES]);
  const xTest = tf.tensor2d(test.rows, [400, FEATURES]);
  const labelsTest = tf.tensor1d(test.labels, 'int32');

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [FEATURES] }));
  model.add(tf.layers.dense({ units: 16, activation: 'relu' }));
  model.add(tf.layers.dense({ units: CLASSES, activation: 'softmax' }));
  model.compile({ optimizer: tf.train.adam(0.005), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(xTrain, yTrain, { epochs: 25, batchSize: 32, verbose: 0 });
  const loss = history.history.loss;
  const testAcc = model.predict(xTest).argMax(1).equal(labelsTest).cast('float32').mean().dataSync()[0];
  console.log(`loss ${loss[0].toFixed(3)} -> ${loss[loss.length - 1].toFixed(3)} | held-out accuracy ${testAcc.toFixed(3)}`);
}

main();
