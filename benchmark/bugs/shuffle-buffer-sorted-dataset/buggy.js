'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(2957);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Three-class classifier trained with model.fitDataset on a tf.data pipeline. The class of a
// row is whichever of three feature scores is largest. The training rows are collected class
// by class (all of class 0, then class 1, then class 2), like a dataset assembled from one
// folder per class.
const NUM_FEATURES = 8;
const NUM_CLASSES = 3;
const PER_CLASS = 5000;

function labelOf(row) {
  const scores = [row[0] + row[1] - 0.5 * row[6], row[2] - row[3] + 0.5 * row[7], row[4] + row[5]];
  return scores.indexOf(Math.max(...scores));
}

function oneHot(c) {
  return [0, 1, 2].map((k) => (k === c ? 1 : 0));
}

function makeSortedRows() {
  const byClass = [[], [], []];
  while (byClass.some((rows) => rows.length < PER_CLASS)) {
    const row = rng.array(NUM_FEATURES, () => rng.normal(0, 1));
    const c = labelOf(row);
    if (byClass[c].length < PER_CLASS) byClass[c].push(row);
  }
  const xs = [];
  const ys = [];
  for (let c = 0; c < NUM_CLASSES; c++) {
    for (const row of byClass[c]) {
      xs.push(row);
      ys.push(oneHot(c));
    }
  }
  return { xs, ys };
}

function makeMixedRows(n) {
  const xs = [];
  const ys = [];
  for (let i = 0; i < n; i++) {
    const row = rng.array(NUM_FEATURES, () => rng.normal(0, 1));
    xs.push(row);
    ys.push(oneHot(labelOf(row)));
  }
  return { xs, ys };
}

async function main() {
  await tf.setBackend('wasm');

  const train = makeSortedRows();
  const test = makeMixedRows(600);

  const dataset = tf.data
    .zip({ xs: tf.data.array(train.xs), ys: tf.data.array(train.ys) })
    .shuffle(16)
    .batch(32);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [NUM_FEATURES] }));
  model.add(tf.layers.dense({ units: 32, activation: 'relu' }));
  model.add(tf.layers.dense({ units: NUM_CLASSES, activation: 'softmax' }));
  model.compile({ optimizer: tf.train.adam(0.01), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });

  const history = await model.fitDataset(dataset, { epochs: 3, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const xTest = tf.tensor2d(test.xs, [test.xs.length, NUM_FEATURES]);
  const yTest = tf.tensor2d(test.ys, [test.ys.length, NUM_CLASSES]);
  const [testLoss, testAcc] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
