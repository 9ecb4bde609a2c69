'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(3517);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Customer churn model trained from a stream of records: each record has 10 standardized usage
// features and one of four outcomes (stays / downgrades / pauses / leaves). Records are yielded
// one at a time by a generator and batched by tf.data; the model is trained with fitDataset.
const NUM_FEATURES = 10;
const NUM_CLASSES = 4;
const N_TRAIN = 640;
const N_TEST = 400;

function makeRecords(n) {
  const records = [];
  for (let i = 0; i < n; i++) {
    const f = rng.array(NUM_FEATURES, () => rng.normal(0, 1));
    const scores = [f[0] + f[1] * f[2], f[3] - f[4] + 0.5 * f[5], f[6] * f[7] - 0.5 * f[0], f[8] + f[9] - f[3]];
    records.push({ features: f, outcome: scores.indexOf(Math.max(...scores)) });
  }
  return records;
}

function* recordStream(records) {
  for (const r of records) {
    const label = new Array(NUM_CLASSES).fill(0);
    label[r.outcome] = 1;
    yield { xs: r.features, ys: label };
  }
}

async function main() {
  await tf.setBackend('wasm');

  const trainRecords = makeRecords(N_TRAIN);
  const testRecords = makeRecords(N_TEST);

  const trainStream = () => recordStream(trainRecords);
  const trainDs = tf.data.generator(trainStream).batch(32);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [NUM_FEATURES] }));
  model.add(tf.layers.dense({ units: 32, activation: 'relu' }));
  model.add(tf.layers.dense({ units: NUM_CLASSES, activation: 'softmax' }));
  model.compile({ optimizer: tf.train.adam(0.001), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });

  const history = await model.fitDataset(trainDs, { epochs: 50, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const xTest = tf.tensor2d(testRecords.map((r) => r.features), [N_TEST, NUM_FEATURES]);
  const yTest = tf.oneHot(tf.tensor1d(testRecords.map((r) => r.outcome), 'int32'), NUM_CLASSES);
  const [testLoss, testAcc] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
