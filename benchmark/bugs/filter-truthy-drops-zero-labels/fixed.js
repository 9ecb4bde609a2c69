'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(4417);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Pump condition monitoring: classify one-second vibration windows (8 standardized spectral
// features) as healthy / imbalance / misalignment / bearing wear. The training windows come from
// the plant historian, where a technician stores a condition code (0-3) after reviewing a window;
// windows nobody has reviewed yet have label null. The test set is a separate, fully audited batch.
const CONDITIONS = ['healthy', 'imbalance', 'misalignment', 'bearing-wear'];
const CONDITION_SHARE = [0.4, 0.2, 0.2, 0.2];
const N_FEATURES = 8;
const N_LOG = 1500;
const N_TEST = 400;
const UNREVIEWED_SHARE = 0.15;

const signatures = CONDITIONS.map(() => rng.array(N_FEATURES, () => rng.normal(0, 1)));

function sampleCondition() {
  let u = rng.random();
  for (let c = 0; c < CONDITIONS.length - 1; c++) {
    u -= CONDITION_SHARE[c];
    if (u < 0) return c;
  }
  return CONDITIONS.length - 1;
}

function recordWindows(n, unreviewedShare) {
  const rows = [];
  for (let i = 0; i < n; i++) {
    const c = sampleCondition();
    const features = signatures[c].map((m) => m + rng.normal(0, 0.8));
    const label = rng.random() < unreviewedShare ? null : c;
    rows.push({ features, label });
  }
  return rows;
}

async function main() {
  await tf.setBackend('wasm');

  const historian = recordWindows(N_LOG, UNREVIEWED_SHARE);
  const audited = recordWindows(N_TEST, 0);
  const reviewed = historian.filter((r) => r.label !== null && r.label !== undefined);

  const xTrain = tf.tensor2d(reviewed.map((r) => r.features));
  const yTrain = tf.oneHot(tf.tensor1d(reviewed.map((r) => r.label), 'int32'), CONDITIONS.length).toFloat();
  const xTest = tf.tensor2d(audited.map((r) => r.features));
  const yTest = tf.oneHot(tf.tensor1d(audited.map((r) => r.label), 'int32'), CONDITIONS.length).toFloat();

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [N_FEATURES] }));
  model.add(tf.layers.dense({ units: 32, activation: 'relu' }));
  model.add(tf.layers.dense({ units: CONDITIONS.length, activation: 'softmax' }));
  model.compile({ optimizer: tf.train.adam(0.005), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(xTrain, yTrain, { epochs: 25, batchSize: 32, shuffle: true, verbose: 0 });
  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testAcc] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
