'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(9525);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Monthly card spending (in hundreds of dollars) per customer from the account profile. Income,
// balance and the average transaction amount are heavy-tailed (a few customers have 20-50x the
// typical value), so each of them is winsorized at its 1st and 99th percentiles before the
// columns are standardized with the training statistics and fed to a small MLP. A later
// snapshot of other customers is the held-out set.
const N_TRAIN = 1500;
const N_TEST = 500;
const HEAVY_COLUMNS = ['income', 'balance', 'avgTxn'];
const COLUMNS = ['age', 'tenure', 'cards', ...HEAVY_COLUMNS];

function loadCustomers(n) {
  const rows = [];
  for (let i = 0; i < n; i++) {
    const age = rng.int(21, 75);
    const tenure = rng.int(0, 25);
    const cards = rng.int(1, 5);
    const income = 1000 * Math.exp(rng.normal(4.0, 0.6)); // yearly, median ~55k
    const balance = 100 * Math.exp(rng.normal(3.0, 1.0));
    const avgTxn = Math.exp(rng.normal(3.5, 0.7));
    const spending =
      3 * Math.log(income / 55000) + 1.5 * Math.log(balance / 2000) + 2.5 * Math.log(avgTxn / 33) +
      0.4 * cards - 0.02 * (age - 45) + 8 + rng.normal(0, 0.5);
    rows.push({ age, tenure, cards, income, balance, avgTxn, spending: Math.max(spending, 0) });
  }
  return rows;
}

// Clip a column to its 1st..99th percentile range so the outliers don't dominate the scaling.
function winsorizeCaps(values) {
  const n = values.length;
  const lo = values[Math.floor(0.01 * n)];
  const hi = values[Math.floor(0.99 * n)];
  return { lo, hi };
}

function toMatrix(rows, caps) {
  return rows.map((r) =>
    COLUMNS.map((c) => (caps[c] ? Math.min(Math.max(r[c], caps[c].lo), caps[c].hi) : r[c])),
  );
}

async function main() {
  await tf.setBackend('wasm');

  const trainRows = loadCustomers(N_TRAIN);
  const testRows = loadCustomers(N_TEST);
  const caps = {};
  for (const c of HEAVY_COLUMNS) caps[c] = winsorizeCaps(trainRows.map((r) => r[c]));

  const xTrainRaw = tf.tensor2d(toMatrix(trainRows, caps), [N_TRAIN, COLUMNS.length]);
  const xTestRaw = tf.tensor2d(toMatrix(testRows, caps), [N_TEST, COLUMNS.length]);
  const yTrain = tf.tensor2d(trainRows.map((r) => [r.spending]), [N_TRAIN, 1]);
  const yTest = tf.tensor2d(testRows.map((r) => [r.spending]), [N_TEST, 1]);

  const { mean, variance } = tf.moments(xTrainRaw, 0);
  const std = variance.sqrt().add(1e-6);
  const xTrain = xTrainRaw.sub(mean).div(std);
  const xTest = xTestRaw.sub(mean).div(std);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [COLUMNS.length] }));
  model.add(tf.layers.dense({ units: 16, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 1 }));
  model.compile({ optimizer: tf.train.adam(0.01), loss: 'meanSquaredError', metrics: ['mae'] });

  const history = await model.fit(xTrain, yTrain, { epochs: 30, batchSize: 32, shuffle: true, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testMae] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} mae ${h.mae[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test mae ${testMae.toFixed(3)}`);
}

main();
