'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(7309);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Machine fault diagnosis from 16 standardized vibration features (band energies, kurtosis,
// crest factor, ...) into 6 fault types. A large teacher MLP is trained on the labelled
// recordings; a small student that fits on the embedded controller is then trained by knowledge
// distillation on the teacher's predicted class probabilities over a larger set of unlabelled
// recordings. Both are scored on a labelled test set.
const FAULTS = ['healthy', 'imbalance', 'misalignment', 'bearing', 'looseness', 'gear'];
const N_FEATURES = 16;
const MODES_PER_FAULT = 2;
const N_LABELLED = 1000;
const N_UNLABELLED = 3000;
const N_TEST = 600;

const modes = FAULTS.map(() => rng.array(MODES_PER_FAULT, () => rng.array(N_FEATURES, () => rng.normal(0, 1))));

function makeRecordings(n) {
  const xs = [];
  const labels = [];
  for (let i = 0; i < n; i++) {
    const c = rng.int(0, FAULTS.length);
    const mode = modes[c][rng.int(0, MODES_PER_FAULT)];
    xs.push(mode.map((v) => v + rng.normal(0, 0.8)));
    labels.push(c);
  }
  return { xs, labels };
}

function buildTeacher() {
  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 128, activation: 'relu', inputShape: [N_FEATURES] }));
  model.add(tf.layers.dense({ units: 128, activation: 'relu' }));
  model.add(tf.layers.dense({ units: FAULTS.length, activation: 'softmax' }));
  model.compile({ optimizer: tf.train.adam(0.002), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });
  return model;
}

function buildStudent() {
  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 12, activation: 'relu', inputShape: [N_FEATURES] }));
  model.add(tf.layers.dense({ units: FAULTS.length, activation: 'softmax' }));
  model.compile({ optimizer: tf.train.adam(0.005), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });
  return model;
}

async function main() {
  await tf.setBackend('wasm');

  const labelled = makeRecordings(N_LABELLED);
  const unlabelled = makeRecordings(N_UNLABELLED);
  const test = makeRecordings(N_TEST);
  const xLabelled = tf.tensor2d(labelled.xs, [N_LABELLED, N_FEATURES]);
  const yLabelled = tf.oneHot(tf.tensor1d(labelled.labels, 'int32'), FAULTS.length).toFloat();
  const xUnlabelled = tf.tensor2d(unlabelled.xs, [N_UNLABELLED, N_FEATURES]);
  const xTest = tf.tensor2d(test.xs, [N_TEST, N_FEATURES]);
  const yTest = tf.oneHot(tf.tensor1d(test.labels, 'int32'), FAULTS.length).toFloat();

  const teacher = buildTeacher();
  await teacher.fit(xLabelled, yLabelled, { epochs: 20, batchSize: 32, verbose: 0 });

  const softTargets = teacher.predict(xUnlabelled);
  const student = buildStudent();
  const history = await student.fit(xUnlabelled, softTargets, { epochs: 20, batchSize: 64, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const [, teacherAcc] = teacher.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  const [testLoss, testAcc] = student.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  console.log(`teacher test acc ${teacherAcc.toFixed(3)} | student loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} agreement ${h.acc[last].toFixed(3)} | student test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
