'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(5903);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Valuation model: predict a company's log10 market cap from its annual report figures
// (revenue and net income in $M, employees, revenue growth). Money amounts and headcount span
// several orders of magnitude, so they are log-transformed before going into a small MLP.
const N_TRAIN = 1000;
const N_TEST = 300;

function makeCompanies(n) {
  const companies = [];
  for (let i = 0; i < n; i++) {
    const revenue = Math.exp(rng.normal(5, 1.5));
    const margin = rng.normal(0.06, 0.12);
    const netIncome = revenue * margin;
    const employees = Math.max(5, Math.round(revenue * Math.exp(rng.normal(1.5, 0.5))));
    const growth = rng.normal(0.08, 0.15);
    const logCap =
      0.35 * Math.log10(revenue) + 0.3 * Math.sign(netIncome) * Math.log10(1 + Math.abs(netIncome)) +
      2.5 * growth + 0.5 + rng.normal(0, 0.1);
    companies.push({ revenue, netIncome, employees, growth, logCap });
  }
  return companies;
}

function toFeatures(c) {
  return [Math.log(c.revenue), Math.sign(c.netIncome) * Math.log1p(Math.abs(c.netIncome)), Math.log(c.employees), c.growth];
}

async function main() {
  await tf.setBackend('wasm');

  const train = makeCompanies(N_TRAIN);
  const test = makeCompanies(N_TEST);
  const xTrain = tf.tensor2d(train.map(toFeatures));
  const yTrain = tf.tensor2d(train.map((c) => [c.logCap]));
  const xTest = tf.tensor2d(test.map(toFeatures));
  const yTest = tf.tensor2d(test.map((c) => [c.logCap]));

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [4] }));
  model.add(tf.layers.dense({ units: 16, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 1 }));
  model.compile({ optimizer: tf.train.adam(0.005), loss: 'meanSquaredError', metrics: ['mae'] });

  const history = await model.fit(xTrain, yTrain, { epochs: 60, batchSize: 32, shuffle: true, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testMae] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  console.log(`loss ${h.loss[0].toFixed(4)} -> ${h.loss[last].toFixed(4)} mae ${h.mae[last].toFixed(4)} | test loss ${testLoss.toFixed(4)} test mae ${testMae.toFixed(4)}`);
}

main();
