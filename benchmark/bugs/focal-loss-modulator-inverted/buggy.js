'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(9641);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Fault-type classification for industrial pumps from 12 condition-monitoring features
// (vibration band energies, bearing temperatures, motor current, flow and pressure deltas).
// Most records are "normal" and the rarer faults are few, so the classifier is trained with a
// focal loss (Lin et al.) that down-weights the easy, well-classified records.
const FAULTS = ['normal', 'misalignment', 'imbalance', 'bearing-wear', 'cavitation', 'seal-leak', 'impeller-damage', 'motor-overheat'];
const PRIORS = [0.34, 0.16, 0.13, 0.1, 0.09, 0.07, 0.06, 0.05];
const NUM_CLASSES = FAULTS.length;
const NUM_FEATURES = 12;
const N_TRAIN = 3000;
const N_TEST = 800;
const GAMMA = 2;

// each fault shifts a few of the sensor channels away from the normal operating point
const signatures = FAULTS.map((_, k) => Array.from({ length: NUM_FEATURES }, () => (k === 0 ? 0 : rng.normal(0, 1.1))));

function sampleClass() {
  let u = rng.random();
  for (let k = 0; k < NUM_CLASSES; k++) {
    u -= PRIORS[k];
    if (u < 0) return k;
  }
  return NUM_CLASSES - 1;
}

function records(n) {
  const xs = [];
  const ys = [];
  for (let i = 0; i < n; i++) {
    const k = sampleClass();
    xs.push(signatures[k].map((s) => s + rng.normal(0, 1)));
    ys.push(k);
  }
  return { xs, ys };
}

function focalLoss(yTrue, yPred) {
  return tf.tidy(() => {
    const probs = tf.clipByValue(yPred, 1e-7, 1 - 1e-7);
    const pTrue = tf.sum(tf.mul(yTrue, probs), -1);
    const modulator = tf.pow(pTrue, GAMMA);
    return tf.mean(tf.mul(modulator, tf.neg(tf.log(pTrue))));
  });
}

async function main() {
  await tf.setBackend('wasm');

  const train = records(N_TRAIN);
  const test = records(N_TEST);
  const xTrain = tf.tensor2d(train.xs);
  const yTrain = tf.oneHot(tf.tensor1d(train.ys, 'int32'), NUM_CLASSES).toFloat();
  const xTest = tf.tensor2d(test.xs);
  const yTest = tf.oneHot(tf.tensor1d(test.ys, 'int32'), NUM_CLASSES).toFloat();

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [NUM_FEATURES] }));
  model.add(tf.layers.dense({ units: 16, activation: 'relu' }));
  model.add(tf.layers.dense({ units: NUM_CLASSES, activation: 'softmax' }));
  model.compile({ optimizer: tf.train.adam(0.003), loss: focalLoss, metrics: ['accuracy'] });

  const history = await model.fit(xTrain, yTrain, { epochs: 20, batchSize: 64, shuffle: true, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const predicted = model.predict(xTest).argMax(-1).dataSync();
  let correct = 0;
  const hits = new Array(NUM_CLASSES).fill(0);
  const counts = new Array(NUM_CLASSES).fill(0);
  test.ys.forEach((k, i) => {
    counts[k] += 1;
    if (predicted[i] === k) {
      correct += 1;
      hits[k] += 1;
    }
  });
  const macroRecall = hits.reduce((a, hit, k) => a + (counts[k] ? hit / counts[k] : 0), 0) / NUM_CLASSES;
  const testCe = tf.metrics.categoricalCrossentropy(yTest, model.predict(xTest)).mean().dataSync()[0];
  console.log(`loss ${h.loss[0].toFixed(4)} -> ${h.loss[last].toFixed(4)} acc ${h.acc[last].toFixed(3)} | test acc ${(correct / N_TEST).toFixed(3)} test macro recall ${macroRecall.toFixed(3)} test cross-entropy ${testCe.toFixed(3)}`);
}

main();
