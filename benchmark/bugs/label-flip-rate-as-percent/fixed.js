'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(6025);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Customer churn prediction from 8 monthly usage features of a subscription service (logins,
// minutes watched, support tickets, days since last login, ...), already scaled to comparable
// ranges. The training labels get label-noise regularization: each one is flipped with a small
// probability so the classifier does not become over-confident. The test labels are left clean.
const N_TRAIN = 1200;
const N_TEST = 400;
const F = 8;
const FLIP_RATE = 0.1;

const churnWeights = [-1.4, -1.1, 0.9, 1.6, -0.7, 0.5, 0.0, 0.0];

function makeCustomers(n, noisyLabels) {
  const x = [];
  const y = [];
  for (let i = 0; i < n; i++) {
    const f = rng.array(F, () => rng.normal(0, 1));
    const score = f.reduce((s, v, j) => s + v * churnWeights[j], 0) + 0.8 * f[0] * f[3] - 0.3;
    let label = score + rng.normal(0, 0.5) > 0 ? 1 : 0;
    if (noisyLabels && rng.random() < FLIP_RATE) label = 1 - label;
    x.push(f);
    y.push([label]);
  }
  return { x, y };
}

async function main() {
  await tf.setBackend('wasm');
  const train = makeCustomers(N_TRAIN, true);
  const test = makeCustomers(N_TEST, false);
  const xTrain = tf.tensor2d(train.x, [N_TRAIN, F]);
  const yTrain = tf.tensor2d(train.y, [N_TRAIN, 1]);
  const xTest = tf.tensor2d(test.x, [N_TEST, F]);
  const yTest = tf.tensor2d(test.y, [N_TEST, 1]);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [F] }));
  model.add(tf.layers.dense({ units: 16, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 1, activation: 'sigmoid' }));
  model.compile({ optimizer: tf.train.adam(0.005), loss: 'binaryCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(xTrain, yTrain, { epochs: 30, batchSize: 32, shuffle: true, verbose: 0 });
  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testAcc] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  const churnRate = test.y.filter((v) => v[0] === 1).length / N_TEST;
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)} (test churn rate ${churnRate.toFixed(2)})`);
}

main();
