'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(2864);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Iris species from the four flower measurements (cm) of a field survey. The survey records
// come in as objects (one per flower, as parsed from the survey sheet); the species name is
// encoded as a class index and one-hot for a small softmax MLP.
const CLASSES = ['setosa', 'versicolor', 'virginica'];
const N_TRAIN = 450;
const N_TEST = 150;

// Per-species means and spreads of sepal length, sepal width, petal length, petal width.
const SURVEY_SPECIES = [
  { name: 'Setosa', mean: [5.0, 3.4, 1.5, 0.25], std: [0.35, 0.38, 0.17, 0.1] },
  { name: 'Versicolor', mean: [5.9, 2.8, 4.3, 1.3], std: [0.5, 0.31, 0.47, 0.2] },
  { name: 'Virginica', mean: [6.6, 3.0, 5.5, 2.0], std: [0.63, 0.32, 0.55, 0.27] },
];

function surveyRecords(n) {
  const records = [];
  for (let i = 0; i < n; i++) {
    const s = SURVEY_SPECIES[rng.int(0, SURVEY_SPECIES.length)];
    const m = s.mean.map((mu, j) => Math.max(0.1, mu + rng.normal(0, s.std[j])));
    records.push({ sepalLength: m[0], sepalWidth: m[1], petalLength: m[2], petalWidth: m[3], species: s.name });
  }
  return records;
}

function toTensors(records) {
  const features = records.map((r) => [r.sepalLength, r.sepalWidth, r.petalLength, r.petalWidth]);
  const labelIds = records.map((r) => CLASSES.indexOf(r.species.toLowerCase()));
  const xs = tf.tensor2d(features, [records.length, 4]);
  const ys = tf.oneHot(tf.tensor1d(labelIds, 'int32'), CLASSES.length).toFloat();
  return { xs, ys };
}

async function main() {
  await tf.setBackend('wasm');

  const train = toTensors(surveyRecords(N_TRAIN));
  const test = toTensors(surveyRecords(N_TEST));

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 16, activation: 'relu', inputShape: [4] }));
  model.add(tf.layers.dense({ units: 16, activation: 'relu' }));
  model.add(tf.layers.dense({ units: CLASSES.length, activation: 'softmax' }));
  model.compile({ optimizer: tf.train.adam(0.01), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(train.xs, train.ys, { epochs: 40, batchSize: 32, shuffle: true, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testAcc] = model.evaluate(test.xs, test.ys).map((t) => t.dataSync()[0]);
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
