'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(2458);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Clinical risk model from a small study: predict whether a patient is readmitted within 30 days
// from 12 standardized measurements (age, BMI, lab values, ...). Only a few hundred patients, and
// the outcome is noisy (similar patients often have different outcomes). MLP trained with
// model.fit inside an epoch loop that keeps a custom progress record after each epoch.
const N_FEATURES = 12;
const N_TRAIN = 300;
const N_TEST = 500;
const EPOCHS = 15;

const w = rng.array(N_FEATURES, () => rng.normal(0, 1));

function makePatients(n) {
  const xs = [];
  const ys = [];
  for (let i = 0; i < n; i++) {
    const x = rng.array(N_FEATURES, () => rng.normal(0, 1));
    const logit = x.reduce((s, v, j) => s + w[j] * v, 0) + 0.5 * x[0] * x[1];
    xs.push(x);
    ys.push([rng.random() < 1 / (1 + Math.exp(-logit)) ? 1 : 0]);
  }
  return { xs, ys };
}

async function main() {
  await tf.setBackend('wasm');

  const train = makePatients(N_TRAIN);
  const test = makePatients(N_TEST);
  const xTrain = tf.tensor2d(train.xs);
  const yTrain = tf.tensor2d(train.ys);
  const xTest = tf.tensor2d(test.xs);
  const yTest = tf.tensor2d(test.ys);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 64, activation: 'relu', inputShape: [N_FEATURES] }));
  model.add(tf.layers.dense({ units: 64, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 1, activation: 'sigmoid' }));
  model.compile({ optimizer: tf.train.adam(0.002), loss: 'binaryCrossentropy', metrics: ['accuracy'] });

  const progress = [];
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    const h = await model.fit(xTrain, yTrain, { epochs: EPOCHS, batchSize: 32, shuffle: true, verbose: 0 });
    const last = h.history.loss.length - 1;
    progress.push({ epoch, loss: h.history.loss[last], acc: h.history.acc[last] });
  }

  const first = progress[0];
  const final = progress[progress.length - 1];
  const [testLoss, testAcc] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  console.log(`loss ${first.loss.toFixed(3)} -> ${final.loss.toFixed(3)} acc ${final.acc.toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
