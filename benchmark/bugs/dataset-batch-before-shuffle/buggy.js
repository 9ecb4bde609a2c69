'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(4242);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Twelve-class activity classifier on 10 sensor features, trained with model.fitDataset.
// The training file is grouped by label (all class-0 rows first, then class 1, ...),
// so the rows come in sorted by class; the held-out rows are in random order.
const NUM_CLASSES = 12;
const NUM_FEATURES = 10;
const PER_CLASS = 64;
const N_TEST = 600;

const centres = rng.array(NUM_CLASSES, () => rng.array(NUM_FEATURES, () => rng.normal(0, 1.3)));

function sample(c) {
  return centres[c].map((m) => m + rng.normal(0, 1));
}

function oneHot(c) {
  return rng.array(NUM_CLASSES, (k) => (k === c ? 1 : 0));
}

async function main() {
  await tf.setBackend('wasm');

  const trainX = [];
  const trainY = [];
  for (let c = 0; c < NUM_CLASSES; c++) {
    for (let i = 0; i < PER_CLASS; i++) {
      trainX.push(sample(c));
      trainY.push(oneHot(c));
    }
  }
  const testLabels = rng.array(N_TEST, () => rng.int(0, NUM_CLASSES));
  const xTest = tf.tensor2d(testLabels.map(sample), [N_TEST, NUM_FEATURES]);
  const yTest = tf.tensor2d(testLabels.map(oneHot), [N_TEST, NUM_CLASSES]);

  const xs = tf.data.array(trainX);
  const ys = tf.data.array(trainY);
  const trainDs = tf.data.zip({ xs, ys }).batch(32).shuffle(trainX.length, '42');

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [NUM_FEATURES] }));
  model.add(tf.layers.dense({ units: NUM_CLASSES, activation: 'softmax' }));
  model.compile({ optimizer: tf.train.momentum(0.1, 0.9), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });

  const history = await model.fitDataset(trainDs, { epochs: 12, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testAcc] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
