'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(3817);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Predict whether a student passes the final exam from four study-habit columns. The records
// come as a CSV export (header + one row per student); we parse it, keep the first 900 rows for
// training and the rest for testing, and fit a small sigmoid classifier.
const N_ROWS = 1200;
const N_TRAIN = 900;
const NUM_FEATURES = 4;

function makeExport(n) {
  const out = ['hours_studied,sleep_hours,attendance,practice_tests,passed'];
  for (let i = 0; i < n; i++) {
    const hours = rng.uniform(0, 10);
    const sleep = rng.uniform(4, 9);
    const attendance = rng.uniform(0.3, 1);
    const practice = rng.int(0, 6);
    const score = 0.45 * hours + 0.5 * (sleep - 6.5) + 4 * (attendance - 0.65) + 0.4 * practice - 3.2 + rng.normal(0, 0.4);
    const passed = score > 0 ? 1 : 0;
    out.push([hours.toFixed(2), sleep.toFixed(1), attendance.toFixed(2), practice, passed].join(','));
  }
  return out.join('\n');
}

function parseExport(text) {
  const lines = text.trim().split('\n');
  const xs = [];
  const ys = [];
  for (const line of lines.slice(1)) {
    const cols = line.split(',').map(parseFloat);
    xs.push(cols.slice(0, NUM_FEATURES));
    ys.push([cols[NUM_FEATURES]]);
  }
  return { xs, ys };
}

async function main() {
  await tf.setBackend('wasm');

  const { xs, ys } = parseExport(makeExport(N_ROWS));
  const xTrain = tf.tensor2d(xs.slice(0, N_TRAIN));
  const yTrain = tf.tensor2d(ys.slice(0, N_TRAIN));
  const xTest = tf.tensor2d(xs.slice(N_TRAIN));
  const yTest = tf.tensor2d(ys.slice(N_TRAIN));

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 16, activation: 'relu', inputShape: [NUM_FEATURES] }));
  model.add(tf.layers.dense({ units: 8, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 1, activation: 'sigmoid' }));
  model.compile({ optimizer: tf.train.adam(0.01), loss: 'binaryCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(xTrain, yTrain, { epochs: 40, batchSize: 32, shuffle: true, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testAcc] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
