'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(7430);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Olive oil lots graded 1-4 by a tasting panel; predict the grade from 8 lab measurements
// (acidity, peroxide value, K232, K270, polyphenols, chlorophyll, moisture, oleic acid share).
// The lab export is CSV text; it is parsed into records, the features are standardized with the
// training statistics and the grade is one-hot encoded over the grades seen in training.
const FEATURES = ['acidity', 'peroxide', 'k232', 'k270', 'polyphenols', 'chlorophyll', 'moisture', 'oleic'];
const N_TRAIN = 1000;
const N_TEST = 400;
const EPOCHS = 30;
const BATCH_SIZE = 32;

const centers = [1, 2, 3, 4].map(() => FEATURES.map(() => rng.normal(0, 1)));
const scales = [0.3, 6, 0.4, 0.05, 120, 8, 0.1, 3];
const offsets = [0.6, 12, 1.8, 0.15, 350, 20, 0.25, 74];

function labExport(n) {
  const lines = ['lot,' + FEATURES.join(',') + ',grade'];
  for (let i = 0; i < n; i++) {
    const grade = rng.int(1, 5);
    const values = centers[grade - 1].map((m, j) => (offsets[j] + scales[j] * (m + rng.normal(0, 0.8))).toFixed(3));
    lines.push(`L${10000 + i},${values.join(',')},${grade}`);
  }
  return lines.join('\n');
}

function parseCsv(text) {
  const [header, ...rows] = text.trim().split('\n');
  const names = header.split(',');
  return rows.map((line) => {
    const cells = line.split(',');
    return Object.fromEntries(names.map((name, i) => [name, cells[i]]));
  });
}

async function main() {
  await tf.setBackend('wasm');

  const trainRows = parseCsv(labExport(N_TRAIN));
  const testRows = parseCsv(labExport(N_TEST));

  const counts = {};
  for (const row of trainRows) counts[row.grade] = (counts[row.grade] || 0) + 1;
  const classes = Object.keys(counts).sort();

  const rawTrain = trainRows.map((row) => FEATURES.map((f) => Number(row[f])));
  const mean = FEATURES.map((_, j) => rawTrain.reduce((s, r) => s + r[j], 0) / rawTrain.length);
  const std = FEATURES.map((_, j) => Math.sqrt(rawTrain.reduce((s, r) => s + (r[j] - mean[j]) ** 2, 0) / rawTrain.length));
  const features = (rows) => rows.map((row) => FEATURES.map((f, j) => (Number(row[f]) - mean[j]) / std[j]));
  const oneHot = (rows) => rows.map((row) => Number(row.grade)).map((label) => classes.map((c) => (Number(c) === label ? 1 : 0)));

  const xTrain = tf.tensor2d(features(trainRows));
  const yTrain = tf.tensor2d(oneHot(trainRows));
  const xTest = tf.tensor2d(features(testRows));
  const yTest = tf.tensor2d(oneHot(testRows));

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [FEATURES.length] }));
  model.add(tf.layers.dense({ units: 16, activation: 'relu' }));
  model.add(tf.layers.dense({ units: classes.length, activation: 'softmax' }));
  model.compile({ optimizer: tf.train.adam(0.005), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(xTrain, yTrain, { epochs: EPOCHS, batchSize: BATCH_SIZE, shuffle: true, verbose: 0 });
  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  const gradeAccuracy = (x, rows) => {
    const predicted = model.predict(x).argMax(-1).dataSync();
    return rows.filter((row, i) => classes[predicted[i]] === row.grade).length / rows.length;
  };
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} grade acc ${gradeAccuracy(xTrain, trainRows).toFixed(3)} | test loss ${testLoss.toFixed(3)} test grade acc ${gradeAccuracy(xTest, testRows).toFixed(3)}`);
}

main();
