'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(6441);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Gearbox condition monitoring: classify the state of a test-rig gearbox from 8 standardized
// vibration features (RMS, kurtosis, crest factor, band energies, ...). Each condition was
// recorded in its own session on the rig, so the log holds one block of windows per condition.
// The rows are shuffled, then the first 80% are used for training and the rest for testing.
const CONDITIONS = ['healthy', 'misalignment', 'imbalance', 'bearing-wear', 'chipped-tooth'];
const N_FEATURES = 8;
const WINDOWS_PER_SESSION = 200;
const TRAIN_FRACTION = 0.8;

const signatures = CONDITIONS.map(() => rng.array(N_FEATURES, () => rng.normal(0, 1.2)));

function recordSession(condition) {
  const rows = [];
  for (let i = 0; i < WINDOWS_PER_SESSION; i++) {
    const features = signatures[condition].map((m) => m + rng.normal(0, 0.8));
    rows.push({ features, condition });
  }
  return rows;
}

function shuffle(array) {
  const out = array.slice();
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rng.random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

function toTensors(rows) {
  const xs = tf.tensor2d(rows.map((r) => r.features), [rows.length, N_FEATURES]);
  const ys = tf.oneHot(tf.tensor1d(rows.map((r) => r.condition), 'int32'), CONDITIONS.length).toFloat();
  return { xs, ys };
}

async function main() {
  await tf.setBackend('wasm');

  let rows = [];
  for (let c = 0; c < CONDITIONS.length; c++) rows = rows.concat(recordSession(c));
  shuffle(rows);
  const nTrain = Math.floor(rows.length * TRAIN_FRACTION);
  const train = toTensors(rows.slice(0, nTrain));
  const test = toTensors(rows.slice(nTrain));

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [N_FEATURES] }));
  model.add(tf.layers.dense({ units: 32, activation: 'relu' }));
  model.add(tf.layers.dense({ units: CONDITIONS.length, activation: 'softmax' }));
  model.compile({ optimizer: tf.train.adam(0.003), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(train.xs, train.ys, { epochs: 30, batchSize: 32, shuffle: true, verbose: 0 });
  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testAcc] = model.evaluate(test.xs, test.ys).map((t) => t.dataSync()[0]);
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
