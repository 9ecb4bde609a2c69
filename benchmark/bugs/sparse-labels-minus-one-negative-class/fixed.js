'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(9517);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Diabetes screening from ten clinical measurements, shipped in LIBSVM text format:
//   <label> <index>:<value> <index>:<value> ...
// with the outcome in the first column ('+1' diabetic, '-1' not) and zero entries left out.
// Features are scaled to [-1, 1] by the publisher. A small MLP with a two-way softmax head is
// trained with sparse class indices; the second file is the held-out clinic.
const N_TRAIN = 1500;
const N_TEST = 500;
const NUM_FEATURES = 10;

function libsvmExport(n) {
  const lines = [];
  for (let i = 0; i < n; i++) {
    const x = rng.array(NUM_FEATURES, () => Math.max(-1, Math.min(1, rng.normal(0, 0.45))));
    if (rng.random() < 0.3) x[0] = 0; // pregnancies: none recorded
    const score = 2.6 * x[1] + 1.4 * x[5] + 0.9 * x[7] + 1.2 * x[1] * x[5] - 0.8 * x[6] * x[6] + 0.3 + rng.normal(0, 0.35);
    const label = score > 0 ? '+1' : '-1';
    const cells = x.map((v, j) => (v === 0 ? null : `${j + 1}:${v.toFixed(6)}`)).filter((c) => c !== null);
    lines.push(`${label} ${cells.join(' ')}`);
  }
  return lines.join('\n') + '\n';
}

// the export writes the positive class as '+1' (older dumps used '1'); both become class 1
const classIndex = (label) => (label > 0 ? 1 : 0);

function parseLibsvm(text) {
  const xs = [];
  const ys = [];
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    const [head, ...cells] = line.trim().split(/\s+/);
    const row = new Array(NUM_FEATURES).fill(0);
    for (const cell of cells) {
      const [index, value] = cell.split(':');
      row[Number(index) - 1] = Number(value);
    }
    xs.push(row);
    ys.push(classIndex(Number(head)));
  }
  return { xs, ys };
}

async function main() {
  await tf.setBackend('wasm');

  const train = parseLibsvm(libsvmExport(N_TRAIN));
  const test = parseLibsvm(libsvmExport(N_TEST));
  const xTrain = tf.tensor2d(train.xs, [N_TRAIN, NUM_FEATURES]);
  const yTrain = tf.tensor2d(train.ys, [N_TRAIN, 1]);
  const xTest = tf.tensor2d(test.xs, [N_TEST, NUM_FEATURES]);
  const yTest = tf.tensor2d(test.ys, [N_TEST, 1]);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [NUM_FEATURES] }));
  model.add(tf.layers.dense({ units: 16, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 2, activation: 'softmax' }));
  model.compile({ optimizer: tf.train.adam(0.005), loss: 'sparseCategoricalCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(xTrain, yTrain, { epochs: 20, batchSize: 32, shuffle: true, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testAcc] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  const flagged = model.predict(xTest).argMax(-1).mean().dataSync()[0];
  console.log(`loss ${h.loss[0].toFixed(4)} -> ${h.loss[last].toFixed(4)} acc ${h.acc[last].toFixed(3)} | test loss ${testLoss.toFixed(4)} test acc ${testAcc.toFixed(3)} flagged ${(100 * flagged).toFixed(1)}%`);
}

main();
