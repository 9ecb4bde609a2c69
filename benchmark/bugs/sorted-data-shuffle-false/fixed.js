'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(3307);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Wine-style quality classifier: 4 grades from 10 standardized lab measurements. The grade is
// a banded quality score (a weighted sum of the measurements plus a little noise). The lab
// sheet lists the samples grade by grade (all grade-0 rows first, then grade 1, ...); the test
// rows are a separate, unsorted batch of samples.
const NUM_CLASSES = 4;
const NUM_FEATURES = 10;
const PER_CLASS = 250;

const weights = rng.array(NUM_FEATURES, () => rng.normal(0, 1));
const weightNorm = Math.sqrt(weights.reduce((a, w) => a + w * w, 0));
const CUTS = [-Infinity, -0.7, 0, 0.7, Infinity];

function grade(x) {
  const s = x.reduce((acc, v, j) => acc + v * weights[j], 0) / weightNorm + rng.normal(0, 0.1);
  return CUTS.findIndex((c, k) => s >= c && s < CUTS[k + 1]);
}

function sampleOfGrade(c) {
  for (;;) {
    const x = rng.array(NUM_FEATURES, () => rng.normal(0, 1));
    if (grade(x) === c) return x;
  }
}

function loadLabSheet() {
  const xs = [];
  const ys = [];
  for (let c = 0; c < NUM_CLASSES; c++) {
    for (let i = 0; i < PER_CLASS; i++) {
      xs.push(sampleOfGrade(c));
      ys.push(c);
    }
  }
  return { xs, ys };
}

function makeTestSet(n) {
  const xs = [];
  const ys = [];
  for (let i = 0; i < n; i++) {
    const x = rng.array(NUM_FEATURES, () => rng.normal(0, 1));
    xs.push(x);
    ys.push(grade(x));
  }
  return { xs, ys };
}

async function main() {
  await tf.setBackend('wasm');

  const train = loadLabSheet();
  const test = makeTestSet(400);
  const n = train.xs.length;
  const xTrain = tf.tensor2d(train.xs, [n, NUM_FEATURES]);
  const yTrain = tf.oneHot(tf.tensor1d(train.ys, 'int32'), NUM_CLASSES).toFloat();
  const xTest = tf.tensor2d(test.xs, [400, NUM_FEATURES]);
  const yTest = tf.oneHot(tf.tensor1d(test.ys, 'int32'), NUM_CLASSES).toFloat();

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [NUM_FEATURES] }));
  model.add(tf.layers.dense({ units: 16, activation: 'relu' }));
  model.add(tf.layers.dense({ units: NUM_CLASSES, activation: 'softmax' }));
  model.compile({ optimizer: tf.train.momentum(0.05, 0.9), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(xTrain, yTrain, { epochs: 20, batchSize: 32, shuffle: true, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testAcc] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  const predCounts = tf.tidy(() => tf.oneHot(model.predict(xTest).argMax(-1), NUM_CLASSES).sum(0).arraySync());
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)} | test predictions per grade ${predCounts.join(' ')}`);
}

main();
