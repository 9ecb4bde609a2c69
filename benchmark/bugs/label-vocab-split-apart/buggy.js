'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(5312);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Animal classifier on 12 measured features per sample (standardized sensor/trap readings).
// Each record carries its label as a string; labels are turned into one-hot vectors before
// training, and a separate validation set is passed to fit().
const SPECIES = ['cat', 'dog', 'bird', 'fish', 'horse', 'rabbit'];
const NUM_FEATURES = 12;

const profiles = SPECIES.map(() => rng.array(NUM_FEATURES, () => rng.normal(0, 1.2)));

function collectRecords(n) {
  const records = [];
  for (let i = 0; i < n; i++) {
    const s = rng.int(0, SPECIES.length);
    records.push({ features: profiles[s].map((m) => m + rng.normal(0, 1)), label: SPECIES[s] });
  }
  return records;
}

function toTensors(records) {
  const labels = records.map((r) => r.label);
  const classes = [...new Set(labels)];
  const xs = tf.tensor2d(records.map((r) => r.features), [records.length, NUM_FEATURES]);
  const ys = tf.oneHot(tf.tensor1d(labels.map((l) => classes.indexOf(l)), 'int32'), classes.length);
  return { xs, ys, classes };
}

async function main() {
  await tf.setBackend('wasm');

  const train = toTensors(collectRecords(1200));
  const val = toTensors(collectRecords(300));

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [NUM_FEATURES] }));
  model.add(tf.layers.dense({ units: 32, activation: 'relu' }));
  model.add(tf.layers.dense({ units: train.classes.length, activation: 'softmax' }));
  model.compile({ optimizer: tf.train.adam(0.005), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(train.xs, train.ys, {
    epochs: 25,
    batchSize: 32,
    shuffle: true,
    validationData: [val.xs, val.ys],
    verbose: 0,
  });

  const h = history.history;
  const last = h.loss.length - 1;
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} | val loss ${h.val_loss[0].toFixed(3)} -> ${h.val_loss[last].toFixed(3)} val acc ${h.val_acc[last].toFixed(3)}`);
}

main();
