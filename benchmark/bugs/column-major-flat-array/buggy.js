'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(5813);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Will a shop customer buy the premium plan? Three features per customer (age, yearly income,
// store visits last month), kept as one array per column like a spreadsheet export.
// Columns are standardized with the training set's mean/std, then packed into a tensor.
const N_TRAIN = 800;
const N_TEST = 400;

function makeCustomers(n) {
  const ages = [];
  const incomes = [];
  const visits = [];
  const bought = [];
  for (let i = 0; i < n; i++) {
    const age = rng.uniform(18, 70);
    const income = Math.max(8000, rng.normal(50000, 15000));
    const v = rng.int(0, 30);
    const score = income / 1000 + 2 * v - 0.5 * age + rng.normal(0, 4);
    ages.push(age);
    incomes.push(income);
    visits.push(v);
    bought.push(score > 57 ? 1 : 0);
  }
  return { ages, incomes, visits, bought };
}

function columnStats(col) {
  const mean = col.reduce((a, b) => a + b, 0) / col.length;
  const std = Math.sqrt(col.reduce((a, b) => a + (b - mean) ** 2, 0) / col.length);
  return { mean, std };
}

function toTensors(data, stats) {
  const n = data.bought.length;
  const scaled = ['ages', 'incomes', 'visits'].map((k) => data[k].map((v) => (v - stats[k].mean) / stats[k].std));
  const flat = [...scaled[0], ...scaled[1], ...scaled[2]];
  const x = tf.tensor2d(flat, [n, 3]);
  const y = tf.tensor2d(data.bought, [n, 1]);
  return { x, y };
}

async function main() {
  await tf.setBackend('wasm');

  const trainData = makeCustomers(N_TRAIN);
  const testData = makeCustomers(N_TEST);
  const stats = {
    ages: columnStats(trainData.ages),
    incomes: columnStats(trainData.incomes),
    visits: columnStats(trainData.visits),
  };
  const train = toTensors(trainData, stats);
  const test = toTensors(testData, stats);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 16, activation: 'relu', inputShape: [3] }));
  model.add(tf.layers.dense({ units: 8, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 1, activation: 'sigmoid' }));
  model.compile({ optimizer: tf.train.adam(0.01), loss: 'binaryCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(train.x, train.y, { epochs: 40, batchSize: 32, shuffle: true, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testAcc] = model.evaluate(test.x, test.y).map((t) => t.dataSync()[0]);
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
