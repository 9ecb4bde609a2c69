'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(7720);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Diabetes progression: predict a disease-progression score one year after baseline from a
// clinic's patient export (CSV text): age,bmi,systolic_bp,cholesterol,glucose,smoker,progression
// Lab values are not always recorded, so some cholesterol and glucose cells are empty. Missing
// cells are filled with the training column mean, then features are standardized.
const HEADER = 'age,bmi,systolic_bp,cholesterol,glucose,smoker,progression';
const NUM_FEATURES = 6;
const N_TRAIN = 1000;
const N_TEST = 400;

function exportPatients(n) {
  const lines = [HEADER];
  for (let i = 0; i < n; i++) {
    const age = rng.int(20, 85);
    const bmi = rng.normal(27, 5);
    const bp = rng.normal(125, 15) + 0.3 * (age - 50);
    const chol = rng.normal(200, 35);
    const glucose = rng.normal(100, 20) + 1.2 * (bmi - 27);
    const smoker = rng.random() < 0.25 ? 1 : 0;
    const risk = (glucose - 105) / 10 + (bmi - 27) / 4 + (age - 50) / 15 + (chol - 200) / 60 + 0.5 * smoker;
    const progression = 150 + 40 * Math.tanh(risk / 2) + 12 * Math.max(0, (bp - 130) / 10) + rng.normal(0, 10);
    const cholField = rng.random() < 0.05 ? '' : chol.toFixed(0);
    const glucoseField = rng.random() < 0.03 ? '' : glucose.toFixed(0);
    lines.push(`${age},${bmi.toFixed(1)},${bp.toFixed(0)},${cholField},${glucoseField},${smoker},${progression.toFixed(0)}`);
  }
  return lines.join('\n');
}

function parsePatients(text) {
  const rows = text.trim().split('\n').slice(1);
  const xs = [];
  const ys = [];
  for (const row of rows) {
    const cols = row.split(',').map((v) => parseFloat(v));
    xs.push(cols.slice(0, NUM_FEATURES));
    ys.push([cols[NUM_FEATURES]]);
  }
  return { xs, ys };
}

function columnMeans(rows) {
  return rows[0].map((_, j) => {
    const col = rows.map((r) => r[j]);
    return col.reduce((a, b) => a + b, 0) / col.length;
  });
}

function fillMissing(rows, means) {
  return rows.map((r) => r.map((v, j) => (Number.isNaN(v) ? means[j] : v)));
}

async function main() {
  await tf.setBackend('wasm');

  const train = parsePatients(exportPatients(N_TRAIN));
  const test = parsePatients(exportPatients(N_TEST));
  const means = columnMeans(train.xs);
  const xTrainRaw = tf.tensor2d(fillMissing(train.xs, means), [N_TRAIN, NUM_FEATURES]);
  const yTrain = tf.tensor2d(train.ys, [N_TRAIN, 1]).div(100);
  const xTestRaw = tf.tensor2d(fillMissing(test.xs, means), [N_TEST, NUM_FEATURES]);
  const yTest = tf.tensor2d(test.ys, [N_TEST, 1]).div(100);

  const { mean, variance } = tf.moments(xTrainRaw, 0);
  const std = variance.sqrt();
  const xTrain = xTrainRaw.sub(mean).div(std);
  const xTest = xTestRaw.sub(mean).div(std);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 24, activation: 'relu', inputShape: [NUM_FEATURES] }));
  model.add(tf.layers.dense({ units: 12, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 1 }));
  model.compile({ optimizer: tf.train.adam(0.005), loss: 'meanSquaredError', metrics: ['mae'] });

  const history = await model.fit(xTrain, yTrain, { epochs: 30, batchSize: 32, shuffle: true, verbose: 0 });
  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testMae] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  console.log(`loss ${h.loss[0].toFixed(4)} -> ${h.loss[last].toFixed(4)} mae ${(h.mae[last] * 100).toFixed(1)} | test loss ${testLoss.toFixed(4)} test mae ${(testMae * 100).toFixed(1)} points`);
}

main();
