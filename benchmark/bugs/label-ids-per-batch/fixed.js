'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(7731);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Bird species from 12 acoustic features of a recorded call (pitch statistics, syllable rate,
// spectral shape, all standardized). The records arrive as { features, species } with the species
// as a string; a generator turns them into shuffled mini-batches for model.fitDataset.
const SPECIES = ['robin', 'wren', 'blackbird', 'chaffinch', 'blue tit'];
const N_FEATURES = 12;
const N_TRAIN = 1200;
const N_TEST = 400;

const EPOCHS = 20;
const BATCH_SIZE = 32;

const callProfiles = SPECIES.map(() => rng.array(N_FEATURES, () => rng.normal(0, 1)));

function makeRecords(n) {
  const records = [];
  for (let i = 0; i < n; i++) {
    const species = SPECIES[rng.int(0, SPECIES.length)];
    const profile = callProfiles[SPECIES.indexOf(species)];
    records.push({ features: profile.map((m) => m + rng.normal(0, 0.8)), species });
  }
  return records;
}

async function main() {
  await tf.setBackend('wasm');
  const trainRecords = makeRecords(N_TRAIN);
  const testRecords = makeRecords(N_TEST);

  // Features -> [n, 12] tensor, species name -> one-hot class id.
  const classes = [...new Set(trainRecords.map((r) => r.species))];
  function toTensors(records) {
    const xs = tf.tensor2d(records.map((r) => r.features), [records.length, N_FEATURES]);
    const ys = tf.oneHot(tf.tensor1d(records.map((r) => classes.indexOf(r.species)), 'int32'), SPECIES.length).toFloat();
    return { xs, ys };
  }

  function* batches() {
    const order = tf.util.createShuffledIndices(trainRecords.length);
    for (let start = 0; start < order.length; start += BATCH_SIZE) {
      const batch = Array.from(order.slice(start, start + BATCH_SIZE), (i) => trainRecords[i]);
      yield toTensors(batch);
    }
  }
  const dataset = tf.data.generator(batches);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [N_FEATURES] }));
  model.add(tf.layers.dense({ units: 16, activation: 'relu' }));
  model.add(tf.layers.dense({ units: SPECIES.length, activation: 'softmax' }));
  model.compile({ optimizer: tf.train.adam(0.005), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });

  const history = await model.fitDataset(dataset, { epochs: EPOCHS, verbose: 0 });
  const h = history.history;
  const last = h.loss.length - 1;
  const test = toTensors(testRecords);
  const [testLoss, testAcc] = model.evaluate(test.xs, test.ys).map((t) => t.dataSync()[0]);
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
