'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(9604);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Diabetes-onset screening from a clinic intake table (glucose, BMI, age, blood pressure,
// insulin, skin-fold thickness, pregnancies). Not every intake form is complete; rows with a
// missing reading are dropped before training. Small MLP with a sigmoid output, trained in a
// custom mini-batch loop with optimizer.minimize; the training loss is tracked on the full
// training set after every epoch.
const N_RAW_TRAIN = 320;
const N_RAW_TEST = 200;
const FEATURES = ['glucose', 'bmi', 'age', 'bloodPressure', 'insulin', 'skinFold', 'pregnancies'];
const BATCH_SIZE = 256;
const EPOCHS = 100;

function intakeForms(n) {
  const forms = [];
  for (let i = 0; i < n; i++) {
    const age = rng.int(21, 70);
    const bmi = rng.normal(31, 6);
    const glucose = rng.normal(115, 25) + 0.8 * (bmi - 31);
    const form = {
      glucose,
      bmi,
      age,
      bloodPressure: rng.normal(70, 11) + 0.2 * (age - 40),
      insulin: Math.max(rng.normal(100, 60) + 1.5 * (glucose - 115), 15),
      skinFold: Math.max(rng.normal(28, 9) + 0.6 * (bmi - 31), 7),
      pregnancies: rng.int(0, 9),
    };
    const risk = 0.06 * (glucose - 120) + 0.12 * (bmi - 31) + 0.04 * (age - 40) + 0.1 * form.pregnancies - 0.3 + rng.normal(0, 0.7);
    form.onset = risk > 0 ? 1 : 0;
    // nurses skip some fields on busy days
    for (const key of ['insulin', 'skinFold', 'bloodPressure']) {
      if (rng.random() < 0.13) form[key] = null;
    }
    forms.push(form);
  }
  return forms;
}

const isComplete = (form) => FEATURES.every((key) => form[key] !== null);

async function main() {
  await tf.setBackend('wasm');

  const trainRows = intakeForms(N_RAW_TRAIN).filter(isComplete);
  const testRows = intakeForms(N_RAW_TEST).filter(isComplete);
  const numTrain = trainRows.length;

  // standardize with the training statistics
  const means = FEATURES.map((key) => trainRows.reduce((s, r) => s + r[key], 0) / numTrain);
  const stds = FEATURES.map((key, j) => Math.sqrt(trainRows.reduce((s, r) => s + (r[key] - means[j]) ** 2, 0) / numTrain));
  const toX = (rows) => rows.map((r) => FEATURES.map((key, j) => (r[key] - means[j]) / stds[j]));
  const trainX = toX(trainRows);
  const trainY = trainRows.map((r) => [r.onset]);
  const xTrain = tf.tensor2d(trainX, [numTrain, FEATURES.length]);
  const yTrain = tf.tensor2d(trainY, [numTrain, 1]);
  const xTest = tf.tensor2d(toX(testRows), [testRows.length, FEATURES.length]);
  const yTest = tf.tensor2d(testRows.map((r) => [r.onset]), [testRows.length, 1]);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 16, activation: 'relu', inputShape: [FEATURES.length] }));
  model.add(tf.layers.dense({ units: 8, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 1, activation: 'sigmoid' }));
  const optimizer = tf.train.adam(0.005);

  const score = (x, y) => tf.tidy(() => {
    const p = model.predict(x);
    const loss = tf.metrics.binaryCrossentropy(y, p).mean().dataSync()[0];
    const acc = tf.metrics.binaryAccuracy(y, p).mean().dataSync()[0];
    return [loss, acc];
  });

  const stepsPerEpoch = Math.floor(numTrain / BATCH_SIZE);
  const losses = [];
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    const order = Array.from(tf.util.createShuffledIndices(numTrain));
    for (let step = 0; step < stepsPerEpoch; step++) {
      const batchIdx = order.slice(step * BATCH_SIZE, (step + 1) * BATCH_SIZE);
      const bx = tf.tensor2d(batchIdx.map((i) => trainX[i]), [batchIdx.length, FEATURES.length]);
      const by = tf.tensor2d(batchIdx.map((i) => trainY[i]), [batchIdx.length, 1]);
      const cost = optimizer.minimize(() => tf.metrics.binaryCrossentropy(by, model.apply(bx, { training: true })).mean(), true);
      tf.dispose([bx, by, cost]);
    }
    losses.push(score(xTrain, yTrain)[0]);
  }

  const [, trainAcc] = score(xTrain, yTrain);
  const [testLoss, testAcc] = score(xTest, yTest);
  console.log(`${numTrain} complete rows: loss ${losses[0].toFixed(3)} -> ${losses[losses.length - 1].toFixed(3)} acc ${trainAcc.toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
