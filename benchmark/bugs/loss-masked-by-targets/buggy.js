'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(7391);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Screening for 6 conditions at once (multi-label) from a panel of 16 standardized blood-test
// values. Each condition shows up as a weighted combination of a few markers. Not every patient
// was checked for every condition: an unchecked condition is stored as -1 and must not count in
// the loss, so the model is trained with a masked binary cross-entropy. Test patients were
// checked for everything.
const CONDITIONS = ['anaemia', 'diabetes', 'hypothyroid', 'kidney', 'liver', 'inflammation'];
const N_MARKERS = 16;
const N_TRAIN = 2000;
const N_TEST = 500;
const MISSING_RATE = 0.3;

const EPOCHS = 25;
const BATCH_SIZE = 64;
const LEARNING_RATE = 0.005;

const weights = CONDITIONS.map(() => rng.array(N_MARKERS, () => (rng.random() < 0.3 ? rng.normal(0, 1.5) : 0)));

function makePatients(n, missingRate) {
  const xs = [];
  const ys = [];
  for (let i = 0; i < n; i++) {
    const x = rng.array(N_MARKERS, () => rng.normal(0, 1));
    const y = weights.map((w) => {
      const score = w.reduce((s, wi, j) => s + wi * x[j], 0) - 1.5 + rng.normal(0, 0.3);
      const label = score > 0 ? 1 : 0;
      return rng.random() < missingRate ? -1 : label;
    });
    xs.push(x);
    ys.push(y);
  }
  return { xs, ys };
}

function maskedBinaryCrossentropy(yTrue, yPred) {
  return tf.tidy(() => {
    const mask = yTrue.greater(0).toFloat();
    const p = yPred.clipByValue(1e-7, 1 - 1e-7);
    const bce = yTrue.mul(p.log()).add(tf.scalar(1).sub(yTrue).mul(tf.scalar(1).sub(p).log())).neg();
    return bce.mul(mask).sum().div(mask.sum().add(1e-6));
  });
}

async function main() {
  await tf.setBackend('wasm');

  const train = makePatients(N_TRAIN, MISSING_RATE);
  const test = makePatients(N_TEST, 0);
  const xTrain = tf.tensor2d(train.xs, [N_TRAIN, N_MARKERS]);
  const yTrain = tf.tensor2d(train.ys, [N_TRAIN, CONDITIONS.length]);
  const xTest = tf.tensor2d(test.xs, [N_TEST, N_MARKERS]);
  const yTest = tf.tensor2d(test.ys, [N_TEST, CONDITIONS.length]);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [N_MARKERS] }));
  model.add(tf.layers.dense({ units: 32, activation: 'relu' }));
  model.add(tf.layers.dense({ units: CONDITIONS.length, activation: 'sigmoid' }));
  model.compile({ optimizer: tf.train.adam(LEARNING_RATE), loss: maskedBinaryCrossentropy });

  const history = await model.fit(xTrain, yTrain, { epochs: EPOCHS, batchSize: BATCH_SIZE, shuffle: true, verbose: 0 });

  const scores = (x, y) =>
    tf.tidy(() => {
      const probs = model.predict(x);
      const loss = maskedBinaryCrossentropy(y, probs).dataSync()[0];
      const observed = y.greaterEqual(0).toFloat();
      const pred = probs.greater(0.5).toFloat();
      const hit = pred.equal(y).toFloat().mul(observed);
      const acc = hit.sum().div(observed.sum()).dataSync()[0];
      const truePos = pred.mul(y.equal(1).toFloat()).sum();
      const precision = truePos.div(pred.mul(observed).sum().add(1e-6)).dataSync()[0];
      const positiveRate = pred.mul(observed).sum().div(observed.sum()).dataSync()[0];
      return { loss, acc, precision, positiveRate };
    });
  const h = history.history.loss;
  const tr = scores(xTrain, yTrain);
  const te = scores(xTest, yTest);
  const prevalence = tf.tidy(() => yTest.mean().dataSync()[0]);
  console.log(`loss ${h[0].toFixed(3)} -> ${h[h.length - 1].toFixed(3)} acc ${tr.acc.toFixed(3)} | test loss ${te.loss.toFixed(3)} test acc ${te.acc.toFixed(3)} test precision ${te.precision.toFixed(3)} (predicted positive ${te.positiveRate.toFixed(3)}, prevalence ${prevalence.toFixed(3)})`);
}

main();
