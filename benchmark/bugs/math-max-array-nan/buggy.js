'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(7719);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Last-mile delivery: predict a route's duration (hours) from its distance (km), number of stops,
// total parcel weight (kg), departure hour and the driver's years of experience. The raw features
// have very different ranges, so each column is min-max scaled with the training set's range.
const N_TRAIN = 1200;
const N_TEST = 400;
const N_FEATURES = 5;

function sampleRoutes(n) {
  const xs = [];
  const ys = [];
  for (let i = 0; i < n; i++) {
    const distance = rng.uniform(5, 120);
    const stops = rng.int(3, 40);
    const weight = rng.uniform(20, 900);
    const hour = rng.int(6, 20);
    const experience = rng.uniform(0, 25);
    const rush = Math.exp(-((hour - 8) ** 2) / 2) + Math.exp(-((hour - 17) ** 2) / 2);
    const hours = distance / 45 * (1 + 0.5 * rush) + stops * 0.06 + weight / 2500 - 0.25 * (1 - Math.exp(-experience / 5)) + 0.3 + rng.normal(0, 0.08);
    xs.push([distance, stops, weight, hour, experience]);
    ys.push([hours]);
  }
  return { xs, ys };
}

function fitMinMaxScaler(rows) {
  const lo = [];
  const hi = [];
  for (let j = 0; j < N_FEATURES; j++) {
    const values = rows.map((r) => r[j]);
    lo.push(Math.min(...values));
    hi.push(Math.max(values));
  }
  return (row) => row.map((v, j) => (v - lo[j]) / (hi[j] - lo[j]));
}

async function main() {
  await tf.setBackend('wasm');

  const train = sampleRoutes(N_TRAIN);
  const test = sampleRoutes(N_TEST);
  const scale = fitMinMaxScaler(train.xs);
  const xTrain = tf.tensor2d(train.xs.map(scale));
  const yTrain = tf.tensor2d(train.ys);
  const xTest = tf.tensor2d(test.xs.map(scale));
  const yTest = tf.tensor2d(test.ys);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [N_FEATURES] }));
  model.add(tf.layers.dense({ units: 32, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 1 }));
  model.compile({ optimizer: tf.train.adam(0.01), loss: 'meanSquaredError', metrics: ['mae'] });

  const history = await model.fit(xTrain, yTrain, { epochs: 30, batchSize: 32, shuffle: true, verbose: 0 });
  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testMae] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} mae ${h.mae[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test mae ${testMae.toFixed(3)}`);
}

main();
