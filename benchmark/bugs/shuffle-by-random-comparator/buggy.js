'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(9501);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Motor fault classifier: 6 conditions (healthy, imbalance, misalignment, bearing wear, looseness,
// broken rotor bar) from 8 vibration features (RMS, peak, crest factor, kurtosis, band energies).
// The test rig records one fault condition per session and the export concatenates the sessions,
// so the rows come grouped by condition. They are shuffled once, the last 20% are held out as the
// test set and the rest trains a small MLP on standardized features.
const CONDITIONS = ['healthy', 'imbalance', 'misalignment', 'bearing', 'looseness', 'rotor-bar'];
const NUM_CLASSES = CONDITIONS.length;
const NUM_FEATURES = 8;
const TEST_FRACTION = 0.2;

// typical feature levels per condition (mm/s, g, ratios, band energies)
const BASE = [2.0, 6.0, 3.0, 3.5, 0.4, 0.3, 0.2, 0.1];
const SIGNATURE = CONDITIONS.map(() => rng.array(NUM_FEATURES, () => rng.normal(0, 1)));

function recordSession(condition, count) {
  const rows = [];
  for (let i = 0; i < count; i++) {
    const load = rng.uniform(0.6, 1.2);
    const features = BASE.map((b, j) => b * load * (1 + 0.3 * SIGNATURE[condition][j] + rng.normal(0, 0.2)));
    rows.push({ features, condition });
  }
  return rows;
}

function loadExport() {
  const rows = [];
  CONDITIONS.forEach((_, c) => rows.push(...recordSession(c, rng.int(220, 280))));
  return rows;
}

async function main() {
  await tf.setBackend('wasm');

  const rows = loadExport();
  // mix the sessions before splitting
  rows.sort(() => rng.random() > 0.5);
  const nTest = Math.round(rows.length * TEST_FRACTION);
  const trainRows = rows.slice(0, rows.length - nTest);
  const testRows = rows.slice(rows.length - nTest);

  const toTensors = (part) => ({
    x: tf.tensor2d(part.map((r) => r.features), [part.length, NUM_FEATURES]),
    y: tf.oneHot(tf.tensor1d(part.map((r) => r.condition), 'int32'), NUM_CLASSES).toFloat(),
  });
  const train = toTensors(trainRows);
  const test = toTensors(testRows);

  const { mean, variance } = tf.moments(train.x, 0);
  const std = variance.sqrt().add(1e-6);
  const xTrain = train.x.sub(mean).div(std);
  const xTest = test.x.sub(mean).div(std);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [NUM_FEATURES] }));
  model.add(tf.layers.dense({ units: 16, activation: 'relu' }));
  model.add(tf.layers.dense({ units: NUM_CLASSES, activation: 'softmax' }));
  model.compile({ optimizer: tf.train.adam(0.01), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(xTrain, train.y, { epochs: 25, batchSize: 64, shuffle: true, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testAcc] = model.evaluate(xTest, test.y).map((t) => t.dataSync()[0]);
  console.log(`rows ${trainRows.length}/${testRows.length} loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
