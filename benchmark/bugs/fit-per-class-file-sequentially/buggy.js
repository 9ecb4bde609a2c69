'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(9563);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Activity recognition from wrist accelerometer windows. The recordings come as one export per
// activity (sitting.csv, walking.csv, running.csv, cycling.csv), each holding the 12 summary
// features of its 2-second windows: per-axis mean, standard deviation, energy and dominant
// frequency. The features are standardized with the training statistics and a small MLP
// classifies the activity. A separate recording session is the held-out set.
const ACTIVITIES = ['sitting', 'walking', 'running', 'cycling'];
const NUM_FEATURES = 12;
const WINDOWS_PER_FILE = 400;
const N_TEST_PER_CLASS = 100;
const EPOCHS = 15;

// typical (mean, std, energy, frequency) per axis for each activity
const PROFILES = [
  { mean: [0.0, -0.1, 0.98], std: 0.03, energy: 0.02, freq: 0.3 },
  { mean: [0.1, -0.6, 0.7], std: 0.35, energy: 0.4, freq: 1.8 },
  { mean: [0.2, -0.8, 0.5], std: 0.9, energy: 1.6, freq: 2.8 },
  { mean: [0.5, -0.3, 0.6], std: 0.45, energy: 0.5, freq: 1.3 },
];

function readExport(label, n) {
  const p = PROFILES[label];
  const rows = [];
  for (let i = 0; i < n; i++) {
    const row = [];
    for (let axis = 0; axis < 3; axis++) {
      const scale = 1 + rng.normal(0, 0.25);
      row.push(
        p.mean[axis] + rng.normal(0, 0.18),
        Math.max(p.std * scale + rng.normal(0, 0.12), 0.01),
        Math.max(p.energy * scale * scale + rng.normal(0, 0.25), 0),
        Math.max(p.freq + rng.normal(0, 0.45), 0.1),
      );
    }
    rows.push(row);
  }
  return rows;
}

async function main() {
  await tf.setBackend('wasm');

  const rawFiles = ACTIVITIES.map((name, label) => ({ name, label, rows: readExport(label, WINDOWS_PER_FILE) }));
  const testRows = [];
  const testLabels = [];
  ACTIVITIES.forEach((name, label) => {
    readExport(label, N_TEST_PER_CLASS).forEach((row) => {
      testRows.push(row);
      testLabels.push(label);
    });
  });

  const allRows = tf.tensor2d(rawFiles.flatMap((f) => f.rows));
  const { mean, variance } = tf.moments(allRows, 0);
  const std = variance.sqrt().add(1e-6);
  const standardize = (rows) => tf.tensor2d(rows).sub(mean).div(std);

  const files = rawFiles.map((f) => ({
    name: f.name,
    xs: standardize(f.rows),
    ys: tf.oneHot(tf.fill([f.rows.length], f.label, 'int32'), ACTIVITIES.length).cast('float32'),
  }));
  const xTest = standardize(testRows);
  const yTest = tf.oneHot(tf.tensor1d(testLabels, 'int32'), ACTIVITIES.length).cast('float32');

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [NUM_FEATURES] }));
  model.add(tf.layers.dense({ units: 16, activation: 'relu' }));
  model.add(tf.layers.dense({ units: ACTIVITIES.length, activation: 'softmax' }));
  model.compile({ optimizer: tf.train.adam(0.005), loss: 'categoricalCrossentropy', metrics: ['acc'] });

  const losses = [];
  const accs = [];
  for (const file of files) {
    const history = await model.fit(file.xs, file.ys, { epochs: EPOCHS, batchSize: 32, shuffle: true, verbose: 0 });
    losses.push(...history.history.loss);
    accs.push(...history.history.acc);
  }

  const [testLoss, testAcc] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  const predicted = Array.from(model.predict(xTest).argMax(1).dataSync());
  const counts = ACTIVITIES.map((_, k) => predicted.filter((p) => p === k).length);
  console.log(`loss ${losses[0].toFixed(3)} -> ${losses[losses.length - 1].toFixed(3)} acc ${accs[accs.length - 1].toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)} | predicted per class ${counts.join('/')}`);
}

main();
