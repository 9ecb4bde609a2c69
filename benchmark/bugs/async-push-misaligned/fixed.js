'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(7741);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Pump condition monitoring: each recording has 10 vibration features (band energies, kurtosis,
// crest factor, ...) in a feature store, and a technician's diagnosis (normal / worn bearing /
// misalignment) in a separate annotation service. Both are fetched by recording id, all recordings
// in parallel, and a small MLP classifier is trained on them.
const CONDITIONS = ['normal', 'worn-bearing', 'misalignment'];
const N_FEATURES = 10;
const N_TRAIN = 900;
const N_TEST = 300;

const signatures = CONDITIONS.map(() => rng.array(N_FEATURES, () => rng.normal(0, 1)));

// In-memory stand-ins for the two services; every request completes after a varying number of
// event-loop turns, like network round trips.
const featureStore = new Map();
const annotations = new Map();
function record(id) {
  const c = rng.int(0, CONDITIONS.length);
  featureStore.set(id, signatures[c].map((m) => m + rng.normal(0, 0.8)));
  annotations.set(id, CONDITIONS[c]);
}
function latency() {
  const turns = rng.int(1, 40);
  return new Promise((resolve) => {
    let left = turns;
    const tick = () => (--left <= 0 ? resolve() : setImmediate(tick));
    setImmediate(tick);
  });
}
async function fetchFeatures(id) {
  await latency();
  return featureStore.get(id);
}
async function fetchDiagnosis(id) {
  await latency();
  return annotations.get(id);
}

async function loadRecordings(ids) {
  const xs = [];
  const labels = [];
  await Promise.all(ids.map(async (id, i) => {
    xs[i] = await fetchFeatures(id);
    labels[i] = CONDITIONS.indexOf(await fetchDiagnosis(id));
  }));
  return { xs, labels };
}

async function main() {
  await tf.setBackend('wasm');

  const trainIds = Array.from({ length: N_TRAIN }, (_, i) => `rec-${i}`);
  const testIds = Array.from({ length: N_TEST }, (_, i) => `rec-${N_TRAIN + i}`);
  for (const id of [...trainIds, ...testIds]) record(id);
  const train = await loadRecordings(trainIds);
  const test = await loadRecordings(testIds);

  const xTrain = tf.tensor2d(train.xs, [N_TRAIN, N_FEATURES]);
  const yTrain = tf.oneHot(tf.tensor1d(train.labels, 'int32'), CONDITIONS.length).toFloat();
  const xTest = tf.tensor2d(test.xs, [N_TEST, N_FEATURES]);
  const yTest = tf.oneHot(tf.tensor1d(test.labels, 'int32'), CONDITIONS.length).toFloat();

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [N_FEATURES] }));
  model.add(tf.layers.dense({ units: 16, activation: 'relu' }));
  model.add(tf.layers.dense({ units: CONDITIONS.length, activation: 'softmax' }));
  model.compile({ optimizer: tf.train.adam(0.005), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(xTrain, yTrain, { epochs: 30, batchSize: 32, shuffle: true, verbose: 0 });
  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testAcc] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
