'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(3907);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Census-style income table: age, years of education, hours worked per week, capital gain,
// years in current job, number of dependents and yearly income in dollars. Predict whether a
// person earns more than $50k from the other six columns.
const N = 2000;
const N_TRAIN = 1600;
const INCOME = 6;

function makePeople(n) {
  const rows = [];
  for (let i = 0; i < n; i++) {
    const age = rng.int(18, 70);
    const education = rng.int(6, 21);
    const hours = Math.min(80, Math.max(5, Math.round(rng.normal(40, 11))));
    const capitalGain = rng.random() < 0.1 ? Math.round(Math.exp(rng.normal(8.5, 1))) : 0;
    const yearsInJob = Math.min(age - 18, Math.floor(rng.uniform(0, 1) ** 2 * 30));
    const dependents = rng.int(0, 5);
    const experience = Math.min(age - 18, 25);
    const logIncome = 10.1 + 0.11 * (education - 12) + 0.025 * experience + 0.012 * (hours - 40)
      + 0.01 * yearsInJob + 0.3 * Math.log1p(capitalGain / 5000) + rng.normal(0, 0.2);
    const income = Math.round(Math.exp(logIncome));
    rows.push([age, education, hours, capitalGain, yearsInJob, dependents, income]);
  }
  return rows;
}

// Scale every column of the table to zero mean and unit variance.
function standardize(rows) {
  const d = rows[0].length;
  const mean = new Array(d).fill(0);
  const std = new Array(d).fill(0);
  for (const r of rows) r.forEach((v, j) => { mean[j] += v / rows.length; });
  for (const r of rows) r.forEach((v, j) => { std[j] += (v - mean[j]) ** 2 / rows.length; });
  return rows.map((r) => r.map((v, j) => (v - mean[j]) / Math.sqrt(std[j])));
}

async function main() {
  await tf.setBackend('wasm');

  const raw = makePeople(N);
  const table = standardize(raw);
  const features = table.map((r) => r.slice(0, INCOME));
  const labels = table.map((r) => [r[INCOME] > 50000 ? 1 : 0]);

  const xAll = tf.tensor2d(features, [N, INCOME]);
  const yAll = tf.tensor2d(labels, [N, 1]);
  const xTrain = xAll.slice([0, 0], [N_TRAIN, INCOME]);
  const yTrain = yAll.slice([0, 0], [N_TRAIN, 1]);
  const xTest = xAll.slice([N_TRAIN, 0], [N - N_TRAIN, INCOME]);
  const yTest = yAll.slice([N_TRAIN, 0], [N - N_TRAIN, 1]);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [INCOME] }));
  model.add(tf.layers.dense({ units: 16, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 1, activation: 'sigmoid' }));
  model.compile({ optimizer: tf.train.adam(0.005), loss: 'binaryCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(xTrain, yTrain, { epochs: 30, batchSize: 32, shuffle: true, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testAcc] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  const predicted = model.predict(xTest).greater(0.5).sum().dataSync()[0];
  const actual = yTest.sum().dataSync()[0];
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)} | >50k predicted ${predicted} / actual ${actual} of ${N - N_TRAIN}`);
}

main();
