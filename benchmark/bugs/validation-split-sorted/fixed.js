'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(4478);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Five-class classifier on synthetic Gaussian blobs in 8 features. Samples are generated per
// class (200 for each), and Keras-style validationSplit keeps 20% aside to watch generalization.
const NUM_FEATURES = 8;
const NUM_CLASSES = 5;
const PER_CLASS = 200;
const N = NUM_CLASSES * PER_CLASS;

const centres = rng.array(NUM_CLASSES, () => rng.array(NUM_FEATURES, () => rng.normal(0, 1.5)));

async function main() {
  await tf.setBackend('wasm');

  const features = [];
  const labels = [];
  for (let c = 0; c < NUM_CLASSES; c++) {
    for (let i = 0; i < PER_CLASS; i++) {
      features.push(centres[c].map((m) => m + rng.normal(0, 1)));
      labels.push(c);
    }
  }
  tf.util.shuffleCombo(features, labels);
  const xs = tf.tensor2d(features, [N, NUM_FEATURES]);
  const ys = tf.oneHot(tf.tensor1d(labels, 'int32'), NUM_CLASSES).toFloat();

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [NUM_FEATURES] }));
  model.add(tf.layers.dense({ units: 32, activation: 'relu' }));
  model.add(tf.layers.dense({ units: NUM_CLASSES, activation: 'softmax' }));
  model.compile({ optimizer: tf.train.adam(0.005), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(xs, ys, { epochs: 30, batchSize: 32, validationSplit: 0.2, shuffle: true, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} | val loss ${h.val_loss[last].toFixed(3)} val acc ${h.val_acc[last].toFixed(3)}`);
}

main();
