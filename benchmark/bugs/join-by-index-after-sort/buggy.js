'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(7744);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Churn prediction for a subscription service. Two exports from the warehouse: the users table
// (id and 8 standardized usage features, in the warehouse's storage order) and the outcomes
// table (user id and whether the user cancelled within 90 days). Users are ordered by id, i.e.
// by signup date, so the oldest 75% train the model and the newest 25% are held out.
const N_USERS = 1200;
const N_FEATURES = 8;
const TRAIN_FRACTION = 0.75;
const CHURN_WEIGHTS = [1.6, -1.2, 0.9, 0, -0.8, 0.5, 0, 1.1];

function exportTables() {
  const ids = rng.array(N_USERS, (i) => 10000 + 7 * i + rng.int(0, 7));
  for (let i = ids.length - 1; i > 0; i--) {
    const j = rng.int(0, i + 1);
    [ids[i], ids[j]] = [ids[j], ids[i]];
  }
  const users = [];
  const outcomes = [];
  for (const id of ids) {
    const features = rng.array(N_FEATURES, () => rng.normal(0, 1));
    const score = features.reduce((s, v, j) => s + CHURN_WEIGHTS[j] * v, 0) + 0.8 * features[0] * features[2];
    users.push({ id, features });
    outcomes.push({ userId: id, churned: rng.random() < 1 / (1 + Math.exp(-2 * score)) ? 1 : 0 });
  }
  return { users, outcomes };
}

async function main() {
  await tf.setBackend('wasm');

  const { users, outcomes } = exportTables();
  users.sort((a, b) => a.id - b.id);
  const rows = users.map((u, i) => [...u.features, outcomes[i].churned]);
  const nTrain = Math.round(rows.length * TRAIN_FRACTION);
  const trainRows = rows.slice(0, nTrain);
  const testRows = rows.slice(nTrain);

  const xTrain = tf.tensor2d(trainRows.map((r) => r.slice(0, N_FEATURES)));
  const yTrain = tf.tensor2d(trainRows.map((r) => [r[N_FEATURES]]));
  const xTest = tf.tensor2d(testRows.map((r) => r.slice(0, N_FEATURES)));
  const yTest = tf.tensor2d(testRows.map((r) => [r[N_FEATURES]]));

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [N_FEATURES] }));
  model.add(tf.layers.dense({ units: 16, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 1, activation: 'sigmoid' }));
  model.compile({ optimizer: tf.train.adam(0.005), loss: 'binaryCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(xTrain, yTrain, { epochs: 20, batchSize: 32, shuffle: true, verbose: 0 });
  const [testLoss, testAcc] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);

  const h = history.history;
  const last = h.loss.length - 1;
  const churnRate = testRows.filter((r) => r[N_FEATURES] === 1).length / testRows.length;
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)} (test churn rate ${churnRate.toFixed(2)})`);
}

main();
