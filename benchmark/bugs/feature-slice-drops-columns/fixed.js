'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(5813);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Predict machine failure from a log of sensor readings. Each row of the table holds 8 standardized
// readings (temperature, vibration, pressure, ...) followed by the 0/1 failure flag in the last
// column. The first 1000 rows are used for training, the remaining 300 for testing.
const NUM_FEATURES = 8;
const N_TRAIN = 1000;
const N_TEST = 300;

function makeLog(n) {
  const rows = [];
  for (let i = 0; i < n; i++) {
    const r = rng.array(NUM_FEATURES, () => rng.normal(0, 1));
    const risk = 0.3 * r[0] + 1.6 * r[3] - 1.2 * r[4] + 1.1 * r[5] * r[6] + 0.9 * r[7] + rng.normal(0, 0.3);
    rows.push([...r, risk > 0 ? 1 : 0]);
  }
  return rows;
}

async function main() {
  await tf.setBackend('wasm');

  const table = tf.tensor2d(makeLog(N_TRAIN + N_TEST));
  const features = table.slice([0, 0], [-1, NUM_FEATURES]);
  const labels = table.slice([0, NUM_FEATURES], [-1, 1]);

  const xTrain = features.slice([0, 0], [N_TRAIN, -1]);
  const yTrain = labels.slice([0, 0], [N_TRAIN, -1]);
  const xTest = features.slice([N_TRAIN, 0], [N_TEST, -1]);
  const yTest = labels.slice([N_TRAIN, 0], [N_TEST, -1]);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [xTrain.shape[1]] }));
  model.add(tf.layers.dense({ units: 16, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 1, activation: 'sigmoid' }));
  model.compile({ optimizer: tf.train.adam(0.01), loss: 'binaryCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(xTrain, yTrain, { epochs: 40, batchSize: 32, shuffle: true, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testAcc] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
