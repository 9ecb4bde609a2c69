'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(3907);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Will a customer upgrade to the premium plan? The CRM export is column-wise and sorted by
// signup date: one array per field (age, monthly income in k$, logins per month, label).
// Customers who log in a lot and earn enough tend to upgrade; older customers a bit less.
function exportCustomers(n) {
  const data = { age: [], income: [], logins: [], upgraded: [] };
  for (let i = 0; i < n; i++) {
    const age = rng.uniform(18, 75);
    const income = rng.uniform(1.5, 12);
    const logins = rng.uniform(0, 30);
    const score = 0.6 * income + 0.25 * logins - 0.08 * age + rng.normal(0, 0.4);
    data.age.push(age);
    data.income.push(income);
    data.logins.push(logins);
    data.upgraded.push(score > 4.6 ? 1 : 0);
  }
  return data;
}

const FEATURES = ['age', 'income', 'logins'];

// Builds a standardized [n, 3] feature tensor and a [n, 1] label tensor from the columns.
function toTensors(data, stats) {
  const n = data.upgraded.length;
  const cols = FEATURES.map((name) => data[name].map((v) => (v - stats[name].mean) / stats[name].std));
  const rows = Array.from({ length: n }, (_, i) => cols.map((col) => col[i]));
  return { xs: tf.tensor2d(rows, [n, FEATURES.length]), ys: tf.tensor2d(data.upgraded, [n, 1]) };
}

function columnStats(data) {
  const stats = {};
  for (const name of FEATURES) {
    const col = data[name];
    const mean = col.reduce((a, b) => a + b, 0) / col.length;
    const std = Math.sqrt(col.reduce((a, b) => a + (b - mean) ** 2, 0) / col.length);
    stats[name] = { mean, std };
  }
  return stats;
}

async function main() {
  await tf.setBackend('wasm');

  const data = exportCustomers(1000);
  // validationSplit takes the last rows and the export is sorted by signup date, so shuffle the rows first.
  const order = tf.util.createShuffledIndices(data.upgraded.length);
  for (const name of Object.keys(data)) data[name] = Array.from(order, (i) => data[name][i]);
  const stats = columnStats(data);
  const train = toTensors(data, stats);
  const test = toTensors(exportCustomers(400), stats);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [FEATURES.length] }));
  model.add(tf.layers.dense({ units: 16, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 1, activation: 'sigmoid' }));
  model.compile({ optimizer: tf.train.adam(0.005), loss: 'binaryCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(train.xs, train.ys, { epochs: 30, batchSize: 32, validationSplit: 0.2, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testAcc] = model.evaluate(test.xs, test.ys).map((t) => t.dataSync()[0]);
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} | val loss ${h.val_loss[last].toFixed(3)} val acc ${h.val_acc[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
