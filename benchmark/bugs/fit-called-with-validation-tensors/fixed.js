'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(9586);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Pump fault classification from 20 condition-monitoring features (vibration RMS and peaks per
// axis, bearing temperatures, motor current harmonics, suction/discharge pressure). Four classes:
// normal, imbalance, misalignment, bearing wear. The logged rows are shuffled once and split into
// 3000 training, 150 validation and 1000 test rows; an MLP is trained with the validation rows
// monitored each epoch and scored once on the test rows.
const N_FEATURES = 20;
const N_CLASSES = 4;
const N_TRAIN = 3000;
const N_VAL = 150;
const N_TEST = 1000;
const CLASS_NAMES = ['normal', 'imbalance', 'misalignment', 'bearing-wear'];

// how strongly each fault shows up in each sensor channel
const signatures = rng.array(N_CLASSES, () => rng.array(N_FEATURES, () => rng.normal(0, 1)));

function logReadings(n) {
  const xs = [];
  const labels = [];
  for (let i = 0; i < n; i++) {
    const f = rng.array(N_FEATURES, () => rng.normal(0, 1));
    const scores = signatures.map((w, k) => {
      let s = 0;
      for (let j = 0; j < N_FEATURES; j++) s += 0.25 * w[j] * f[j];
      return s + 1.2 * f[k] * f[k + 4] + 0.8 * Math.abs(f[k + 8]) - 0.6 + rng.normal(0, 0.1);
    });
    xs.push(f);
    labels.push(scores.indexOf(Math.max(...scores)));
  }
  return { xs, labels };
}

function toTensors(rows, start, end) {
  const xs = rows.xs.slice(start, end);
  const labels = rows.labels.slice(start, end);
  return [tf.tensor2d(xs, [xs.length, N_FEATURES]), tf.oneHot(tf.tensor1d(labels, 'int32'), N_CLASSES).toFloat()];
}

async function main() {
  await tf.setBackend('wasm');

  const rows = logReadings(N_TRAIN + N_VAL + N_TEST);
  const [xTrain, yTrain] = toTensors(rows, 0, N_TRAIN);
  const [xVal, yVal] = toTensors(rows, N_TRAIN, N_TRAIN + N_VAL);
  const [xTest, yTest] = toTensors(rows, N_TRAIN + N_VAL, N_TRAIN + N_VAL + N_TEST);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 64, activation: 'relu', inputShape: [N_FEATURES] }));
  model.add(tf.layers.dense({ units: 64, activation: 'relu' }));
  model.add(tf.layers.dense({ units: N_CLASSES, activation: 'softmax' }));
  model.compile({ optimizer: tf.train.adam(0.002), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(xTrain, yTrain, {
    epochs: 30,
    batchSize: 32,
    shuffle: true,
    validationData: [xVal, yVal],
    verbose: 0,
  });

  const h = history.history;
  const last = h.loss.length - 1;
  const bestVal = Math.min(...h.val_loss);
  const [testLoss, testAcc] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  const counts = CLASS_NAMES.map((_, k) => rows.labels.filter((c) => c === k).length);
  console.log(`classes ${counts.join('/')} | loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} | val loss best ${bestVal.toFixed(3)} last ${h.val_loss[last].toFixed(3)} val acc ${h.val_acc[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
