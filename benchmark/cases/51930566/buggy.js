'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(51930566);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Iris-like measurements in cm: per-species means and spreads of
// sepal length, sepal width, petal length, petal width.
const SPECIES = [
  { mean: [5.01, 3.43, 1.46, 0.25], std: [0.35, 0.38, 0.17, 0.11] },
  { mean: [5.94, 2.77, 4.26, 1.33], std: [0.52, 0.31, 0.47, 0.2] },
  { mean: [6.59, 2.97, 5.55, 2.03], std: [0.64, 0.32, 0.55, 0.27] },
];

function standardize(rows) {
  const cols = rows[0].length;
  const mean = rng.array(cols, (j) => rows.reduce((s, r) => s + r[j], 0) / rows.length);
  const std = rng.array(cols, (j) => Math.sqrt(rows.reduce((s, r) => s + (r[j] - mean[j]) ** 2, 0) / rows.length));
  return rows.map((r) => r.map((v, j) => (v - mean[j]) / std[j]));
}

function splitHalf(rows, order) {
  const half = order.length / 2;
  return [order.slice(0, half).map((i) => rows[i]), order.slice(half).map((i) => rows[i])];
}

async function main() {
  await tf.setBackend('wasm');
  const raw = [];
  const species = [];
  SPECIES.forEach((s, c) => {
    for (let k = 0; k < 50; k++) {
      raw.push(s.mean.map((m, j) => Math.max(0.1, Math.round(rng.normal(m, s.std[j]) * 10) / 10)));
      species.push(c);
    }
  });
  const order = rng.array(raw.length, (i) => i);
  for (let i = order.length - 1; i > 0; i--) {
    const j = rng.int(0, i + 1);
    [order[i], order[j]] = [order[j], order[i]];
  }
  const scaled = standardize(raw);
  const [trainRows, testRows] = splitHalf(raw, order);
  const [trainSpecies, testSpecies] = splitHalf(species, order);
  const xTrain = tf.tensor2d(trainRows.flat(), [trainRows.length, 4]);
  const yTrain = tf.oneHot(tf.tensor1d(trainSpecies, 'int32'), 3);
  const xTest = tf.tensor2d(testRows.flat(), [testRows.length, 4]);
  const yTest = tf.oneHot(tf.tensor1d(testSpecies, 'int32'), 3);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 4, inputShape: [4], kernelInitializer: tf.initializers.randomNormal({ mean: 0, stddev: 0.05 }) }));
  model.add(tf.layers.activation({ activation: 'relu' }));
  model.add(tf.layers.dense({ units: 3, kernelInitializer: tf.initializers.randomNormal({ mean: 0, stddev: 0.05 }) }));
  model.add(tf.layers.activation({ activation: 'sigmoid' }));
  model.compile({ optimizer: 'adam', loss: 'categoricalCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(xTrain, yTrain, { epochs: 50, batchSize: 5, validationData: [xTest, yTest], verbose: 0 });
  const h = history.history;
  const last = h.loss.length - 1;
  console.log(`loss first ${h.loss[0].toFixed(4)} last ${h.loss[last].toFixed(4)}; acc last ${h.acc[last].toFixed(4)}; val loss ${h.val_loss[last].toFixed(4)} val acc ${h.val_acc[last].toFixed(4)}`);
}

main();
