'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(6142);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Land-cover classification of satellite pixels from 10 standardized spectral-band features into
// 10 classes (water, forest, grassland, cropland, wetland, shrubland, urban, bare soil, snow, cloud). A large teacher MLP, whose last layer
// outputs logits, is trained on the labelled pixels. A small student for on-board inference is
// then distilled on a larger set of unlabelled pixels from the teacher's temperature-softened
// class distribution. Both are scored on a labelled test set.
const CLASSES = ['water', 'forest', 'grassland', 'cropland', 'wetland', 'shrubland', 'urban', 'bare', 'snow', 'cloud'];
const N_FEATURES = 10;
const MODES_PER_CLASS = 2;
const N_LABELLED = 800;
const N_UNLABELLED = 3000;
const N_TEST = 600;
const TEMPERATURE = 2;

const modes = CLASSES.map(() => rng.array(MODES_PER_CLASS, () => rng.array(N_FEATURES, () => rng.normal(0, 1))));

function makePixels(n) {
  const xs = [];
  const labels = [];
  for (let i = 0; i < n; i++) {
    const c = rng.int(0, CLASSES.length);
    const mode = modes[c][rng.int(0, MODES_PER_CLASS)];
    xs.push(mode.map((v) => v + rng.normal(0, 0.7)));
    labels.push(c);
  }
  return { xs, labels };
}

function buildTeacher() {
  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 128, activation: 'relu', inputShape: [N_FEATURES] }));
  model.add(tf.layers.dense({ units: 128, activation: 'relu' }));
  model.add(tf.layers.dense({ units: CLASSES.length }));
  model.compile({ optimizer: tf.train.adam(0.002), loss: (yTrue, logits) => tf.losses.softmaxCrossEntropy(yTrue, logits), metrics: ['accuracy'] });
  return model;
}

function buildStudent() {
  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 12, activation: 'relu', inputShape: [N_FEATURES] }));
  model.add(tf.layers.dense({ units: CLASSES.length, activation: 'softmax' }));
  model.compile({ optimizer: tf.train.adam(0.005), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });
  return model;
}

async function main() {
  await tf.setBackend('wasm');

  const labelled = makePixels(N_LABELLED);
  const unlabelled = makePixels(N_UNLABELLED);
  const test = makePixels(N_TEST);
  const xLabelled = tf.tensor2d(labelled.xs, [N_LABELLED, N_FEATURES]);
  const yLabelled = tf.oneHot(tf.tensor1d(labelled.labels, 'int32'), CLASSES.length).toFloat();
  const xUnlabelled = tf.tensor2d(unlabelled.xs, [N_UNLABELLED, N_FEATURES]);
  const xTest = tf.tensor2d(test.xs, [N_TEST, N_FEATURES]);
  const yTest = tf.oneHot(tf.tensor1d(test.labels, 'int32'), CLASSES.length).toFloat();

  const teacher = buildTeacher();
  await teacher.fit(xLabelled, yLabelled, { epochs: 20, batchSize: 32, verbose: 0 });

  const softTargets = teacher.predict(xUnlabelled).div(TEMPERATURE);
  const student = buildStudent();
  const history = await student.fit(xUnlabelled, softTargets, { epochs: 20, batchSize: 64, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const teacherAcc = teacher.predict(xTest).argMax(-1).equal(yTest.argMax(-1)).mean().dataSync()[0];
  const [testLoss, testAcc] = student.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  console.log(`teacher test acc ${teacherAcc.toFixed(3)} | student loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} | student test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
