'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(6127);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Smart-watch gesture recognition: each recording window is summarised by 16 IMU features
// (mean / variance / peak of acceleration and rotation per axis, ...) and labelled with one of five
// gestures. The recordings are stored as one file per gesture on a data server; files fetched in an
// earlier session are served from a local cache. A small MLP classifier is trained on all files and
// evaluated on a held-out set of windows.
const GESTURES = ['swipe-left', 'swipe-right', 'tap', 'circle', 'shake'];
const N_FEATURES = 16;
const WINDOWS_PER_FILE = 240;
const N_TEST = 500;

const prototypes = GESTURES.map(() => rng.array(N_FEATURES, () => rng.normal(0, 1)));

function makeWindow(g) {
  return [...prototypes[g].map((m) => m + rng.normal(0, 1.3)), g];
}

// In-memory stand-ins for the data server (answers after a transfer time that grows with the file's
// position in the listing) and for the local cache of files downloaded before.
const server = new Map(GESTURES.map((name, g) => [`${name}.csv`, rng.array(WINDOWS_PER_FILE, () => makeWindow(g))]));
const cache = new Map(['swipe-left.csv', 'tap.csv'].map((f) => [f, server.get(f)]));

async function loadPart(file) {
  if (cache.has(file)) return cache.get(file);
  const delayMs = 300 + 150 * [...server.keys()].indexOf(file);
  const part = await new Promise((resolve) => setTimeout(() => resolve(server.get(file)), delayMs));
  cache.set(file, part);
  return part;
}

async function main() {
  const files = GESTURES.map((name) => `${name}.csv`);
  const rows = [];
  files.forEach(async (f) => {
    const part = await loadPart(f);
    rows.push(...part);
  });
  await tf.setBackend('wasm');

  const test = rng.array(N_TEST, () => makeWindow(rng.int(0, GESTURES.length)));
  const xTrain = tf.tensor2d(rows.map((r) => r.slice(0, N_FEATURES)));
  const yTrain = tf.oneHot(tf.tensor1d(rows.map((r) => r[N_FEATURES]), 'int32'), GESTURES.length).toFloat();
  const xTest = tf.tensor2d(test.map((r) => r.slice(0, N_FEATURES)));
  const yTest = tf.oneHot(tf.tensor1d(test.map((r) => r[N_FEATURES]), 'int32'), GESTURES.length).toFloat();

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [N_FEATURES] }));
  model.add(tf.layers.dense({ units: 16, activation: 'relu' }));
  model.add(tf.layers.dense({ units: GESTURES.length, activation: 'softmax' }));
  model.compile({ optimizer: tf.train.adam(0.005), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(xTrain, yTrain, { epochs: 20, batchSize: 32, shuffle: true, verbose: 0 });
  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testAcc] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  console.log(`${xTrain.shape[0]} training windows | loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
