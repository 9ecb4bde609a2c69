'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(9637);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Churn prediction for a mobile carrier: will a subscriber cancel within 90 days, given tenure,
// monthly bill, data usage, support calls, dropped calls and months left on the contract?
// All features are non-negative, so each column is scaled by a per-column factor computed on
// the training accounts, and a small MLP is trained with SGD. A later cohort is the held-out set.
const N_TRAIN = 20000;
const N_TEST = 4000;
const NUM_FEATURES = 6;

function loadAccounts(n) {
  const xs = [];
  const ys = [];
  for (let i = 0; i < n; i++) {
    const tenure = rng.int(1, 73); // months
    const monthlyBill = rng.uniform(20, 120); // dollars
    const dataGb = Math.max(rng.normal(12, 6), 0.1);
    const supportCalls = rng.int(0, 9);
    const droppedCalls = rng.int(0, 15);
    const contractLeft = rng.random() < 0.45 ? 0 : rng.int(1, 25); // 0 = month-to-month
    const risk =
      0.5 - 0.05 * tenure + 0.025 * (monthlyBill - 70) - 0.04 * (dataGb - 12) +
      0.45 * supportCalls + 0.12 * droppedCalls - 0.16 * contractLeft +
      (contractLeft === 0 && monthlyBill > 90 ? 1.2 : 0);
    xs.push([tenure, monthlyBill, dataGb, supportCalls, droppedCalls, contractLeft]);
    ys.push([rng.random() < 1 / (1 + Math.exp(-1.5 * risk)) ? 1 : 0]);
  }
  return { xs, ys };
}

// one factor per column, from the training accounts only
function columnScale(rows) {
  const scale = new Array(NUM_FEATURES).fill(0);
  for (const row of rows) {
    for (let j = 0; j < NUM_FEATURES; j++) scale[j] = Math.max(scale[j], row[j]);
  }
  return scale;
}

const applyScale = (rows, scale) => rows.map((row) => row.map((v, j) => v / scale[j]));

async function main() {
  await tf.setBackend('wasm');

  const train = loadAccounts(N_TRAIN);
  const test = loadAccounts(N_TEST);
  const scale = columnScale(train.xs);
  const xTrain = tf.tensor2d(applyScale(train.xs, scale), [N_TRAIN, NUM_FEATURES]);
  const yTrain = tf.tensor2d(train.ys, [N_TRAIN, 1]);
  const xTest = tf.tensor2d(applyScale(test.xs, scale), [N_TEST, NUM_FEATURES]);
  const yTest = tf.tensor2d(test.ys, [N_TEST, 1]);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [NUM_FEATURES] }));
  model.add(tf.layers.dense({ units: 16, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 1, activation: 'sigmoid' }));
  model.compile({ optimizer: tf.train.sgd(0.1), loss: 'binaryCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(xTrain, yTrain, { epochs: 6, batchSize: 64, shuffle: true, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const churnRate = train.ys.filter((y) => y[0] === 1).length / N_TRAIN;
  const [testLoss, testAcc] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  console.log(`churn rate ${churnRate.toFixed(3)} | loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
