'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(2297);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Bearing condition monitoring: classify a vibration recording as healthy, inner-race fault or
// outer-race fault from 10 log band energies of its spectrum (already standardized by the
// acquisition software). Samples are packed into typed arrays before building the tensors.
const CONDITIONS = ['healthy', 'inner-race', 'outer-race'];
const N_FEATURES = 10;
const N_TRAIN = 1500;
const N_TEST = 500;
const EPOCHS = 30;
const BATCH_SIZE = 32;

const signatures = CONDITIONS.map(() => rng.array(N_FEATURES, () => rng.normal(0, 1)));

function record(n) {
  const samples = [];
  for (let i = 0; i < n; i++) {
    const label = rng.int(0, CONDITIONS.length);
    const load = rng.normal(0, 0.5);
    const features = signatures[label].map((m, j) => m + load * (j / N_FEATURES) + rng.normal(0, 0.9));
    samples.push({ features, label });
  }
  return samples;
}

function pack(samples) {
  const xs = new Float32Array(samples.length * N_FEATURES);
  const ys = new Int32Array(samples.length);
  samples.forEach((s, i) => {
    xs.set(s.features, i * N_FEATURES);
    ys[i] = s.label;
  });
  return { xs, ys };
}

async function main() {
  await tf.setBackend('wasm');

  const train = pack(record(N_TRAIN));
  const test = pack(record(N_TEST));
  const xTrain = tf.tensor2d(train.xs, [N_TRAIN, N_FEATURES]);
  const yTrain = tf.oneHot(tf.tensor1d(train.ys, 'int32'), CONDITIONS.length).toFloat();
  const xTest = tf.tensor2d(test.xs, [N_TEST, N_FEATURES]);
  const yTest = tf.oneHot(tf.tensor1d(test.ys, 'int32'), CONDITIONS.length).toFloat();

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [N_FEATURES] }));
  model.add(tf.layers.dense({ units: 16, activation: 'relu' }));
  model.add(tf.layers.dense({ units: CONDITIONS.length, activation: 'softmax' }));
  model.compile({ optimizer: tf.train.adam(0.005), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(xTrain, yTrain, { epochs: EPOCHS, batchSize: BATCH_SIZE, shuffle: true, verbose: 0 });
  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testAcc] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
