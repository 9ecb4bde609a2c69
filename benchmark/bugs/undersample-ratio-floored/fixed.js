'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(9032);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Predictive maintenance: will a pump fail within the next week? 10 standardized sensor
// aggregates per pump-week (pressure, vibration, temperature, current draw, ...). Failures are
// rare (~10% of pump-weeks), so the training set is balanced by randomly undersampling the
// healthy weeks down to about as many as there are failures.
const N_FEATURES = 10;
const N_TRAIN = 4000;
const N_TEST = 1000;
const FAILURE_RATE = 0.1;

const failureShift = rng.array(N_FEATURES, () => (rng.random() < 0.5 ? -1 : 1) * rng.uniform(1, 1.8));

function makePumpWeeks(n) {
  const rows = [];
  for (let i = 0; i < n; i++) {
    const label = rng.random() < FAILURE_RATE ? 1 : 0;
    const features = failureShift.map((s) => label * s + rng.normal(0, 1));
    rows.push({ features, label });
  }
  return rows;
}

function toTensors(rows) {
  const xs = tf.tensor2d(rows.map((r) => r.features), [rows.length, N_FEATURES]);
  const ys = tf.tensor2d(rows.map((r) => [r.label]), [rows.length, 1]);
  return { xs, ys };
}

async function main() {
  await tf.setBackend('wasm');

  const allTrain = makePumpWeeks(N_TRAIN);
  const positives = allTrain.filter((r) => r.label === 1).length;
  const negatives = allTrain.length - positives;
  const keep = positives / negatives;
  const balanced = allTrain.filter((r) => r.label === 1 || rng.random() < keep);
  const train = toTensors(balanced);
  const test = toTensors(makePumpWeeks(N_TEST));

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [N_FEATURES] }));
  model.add(tf.layers.dense({ units: 16, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 1, activation: 'sigmoid' }));
  model.compile({ optimizer: tf.train.adam(0.003), loss: 'binaryCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(train.xs, train.ys, { epochs: 25, batchSize: 32, shuffle: true, verbose: 0 });
  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testAcc] = model.evaluate(test.xs, test.ys).map((t) => t.dataSync()[0]);
  const flagged = tf.tidy(() => model.predict(test.xs).greater(0.5).toFloat().mean().dataSync()[0]);
  console.log(`train rows ${balanced.length} loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)} flagged ${flagged.toFixed(3)}`);
}

main();
