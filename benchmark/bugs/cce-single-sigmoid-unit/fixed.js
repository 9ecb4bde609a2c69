'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(9032);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Churn prediction on a synthetic customer table: 10 standardized features (tenure, monthly
// charges, support calls, ...) and a yes/no churn label. One sigmoid output unit giving the
// churn probability; trained with fitDataset on batched tf.data datasets.
const N_TRAIN = 1200;
const N_TEST = 400;
const NUM_FEATURES = 10;

function makeCustomers(n) {
  const xs = [];
  const ys = [];
  for (let i = 0; i < n; i++) {
    const x = rng.array(NUM_FEATURES, () => rng.normal(0, 1));
    const score = 1.2 * x[0] - 0.9 * x[1] + 0.8 * x[2] * x[3] - 0.6 * Math.abs(x[4]) + 0.5 + 0.4 * x[5];
    xs.push(x);
    ys.push([score + rng.normal(0, 0.3) > 0 ? 1 : 0]);
  }
  return { xs, ys };
}

function toDataset({ xs, ys }) {
  return tf.data.zip({ xs: tf.data.array(xs), ys: tf.data.array(ys) }).batch(32);
}

async function main() {
  await tf.setBackend('wasm');

  const train = makeCustomers(N_TRAIN);
  const test = makeCustomers(N_TEST);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [NUM_FEATURES] }));
  model.add(tf.layers.dense({ units: 16, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 1, activation: 'sigmoid' }));
  model.compile({ optimizer: tf.train.adam(0.005), loss: 'binaryCrossentropy', metrics: ['accuracy'] });

  const history = await model.fitDataset(toDataset(train), { epochs: 30, verbose: 0 });

  const [testLoss, testAcc] = (await model.evaluateDataset(toDataset(test))).map((t) => t.dataSync()[0]);
  const h = history.history;
  const last = h.loss.length - 1;
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
