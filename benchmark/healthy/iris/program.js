'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(4150);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Synthetic iris: per-class means and standard deviations of the real measurements (cm) for
// sepal length, sepal width, petal length and petal width.
const IRIS_CLASSES = ['Iris-setosa', 'Iris-versicolor', 'Iris-virginica'];
const CLASS_STATS = [
  { mean: [5.01, 3.43, 1.46, 0.25], std: [0.35, 0.38, 0.17, 0.11] },
  { mean: [5.94, 2.77, 4.26, 1.33], std: [0.52, 0.31, 0.47, 0.20] },
  { mean: [6.59, 2.97, 5.55, 2.03], std: [0.64, 0.32, 0.55, 0.27] },
];
const NUM_FEATURES = 4;

function makeIrisData(perClass) {
  const rows = [];
  for (let label = 0; label < IRIS_CLASSES.length; label++) {
    const { mean, std } = CLASS_STATS[label];
    for (let i = 0; i < perClass; i++) {
      const features = mean.map((m, j) => Math.max(0.1, +(m + rng.normal(0, std[j])).toFixed(1)));
      rows.push({ features, label });
    }
  }
  tf.util.shuffle(rows);
  const xs = rows.map((r) => r.features);
  const ys = rows.map((r) => IRIS_CLASSES.map((_, k) => (k === r.label ? 1 : 0)));
  return { xs, ys, labels: rows.map((r) => r.label) };
}

async function main() {
  await tf.setBackend('wasm');
  const train = makeIrisData(50);
  const test = makeIrisData(30);
  const xTrain = tf.tensor2d(train.xs, [train.xs.length, NUM_FEATURES]);
  const yTrain = tf.tensor2d(train.ys, [train.ys.length, IRIS_CLASSES.length]);
  const xTest = tf.tensor2d(test.xs, [test.xs.length, NUM_FEATURES]);
  const yTest = tf.tensor2d(test.ys, [test.ys.length, IRIS_CLASSES.length]);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 10, activation: 'sigmoid', inputShape: [NUM_FEATURES] }));
  model.add(tf.layers.dense({ units: 3, activation: 'softmax' }));

  const optimizer = tf.train.adam(0.01);
  model.compile({ optimizer, loss: 'categoricalCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(xTrain, yTrain, { epochs: 40, validationData: [xTest, yTest], verbose: 0 });

  const losses = history.history.loss;
  const predicted = model.predict(xTest).argMax(-1).dataSync();
  const correct = test.labels.filter((label, i) => predicted[i] === label).length;
  const testAcc = correct / test.labels.length;
  console.log(`loss ${losses[0].toFixed(3)} -> ${losses[losses.length - 1].toFixed(3)} | val_loss ${history.history.val_loss[losses.length - 1].toFixed(3)} | held-out accuracy ${testAcc.toFixed(3)} (${correct}/${test.labels.length}) after ${losses.length} epochs`);
}

main();
