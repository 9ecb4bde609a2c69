'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(3907);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Predict a house's price from six listing features (floor area, rooms, age, distance to the
// centre, lot size, energy rating). Features and the target are standardized with training
// statistics; a small MLP is trained with SGD + momentum on mean squared error.
const N_TRAIN = 1000;
const N_TEST = 300;

function makeListings(n) {
  const xs = [];
  const ys = [];
  for (let i = 0; i < n; i++) {
    const area = rng.uniform(40, 220);
    const rooms = Math.max(1, Math.round(area / 30 + rng.normal(0, 0.7)));
    const age = rng.uniform(0, 80);
    const distance = rng.uniform(0.5, 25);
    const lot = rng.uniform(0, 800);
    const energy = rng.int(1, 8);
    const price = 2.2 * area + 12 * rooms - 0.9 * age - 60 * Math.log(distance) + 0.08 * lot + 8 * (8 - energy) + 200 + rng.normal(0, 15);
    xs.push([area, rooms, age, distance, lot, energy]);
    ys.push(price);
  }
  return { xs, ys };
}

function standardizer(rows) {
  const cols = rows[0].length;
  const mean = new Array(cols).fill(0);
  const std = new Array(cols).fill(0);
  for (const r of rows) r.forEach((v, j) => (mean[j] += v / rows.length));
  for (const r of rows) r.forEach((v, j) => (std[j] += (v - mean[j]) ** 2 / rows.length));
  for (let j = 0; j < cols; j++) std[j] = Math.sqrt(std[j]);
  return (r) => r.map((v, j) => (v - mean[j]) / std[j]);
}

async function main() {
  await tf.setBackend('wasm');

  const train = makeListings(N_TRAIN);
  const test = makeListings(N_TEST);
  const scaleX = standardizer(train.xs);
  const scaleY = standardizer(train.ys.map((y) => [y]));
  const xTrain = tf.tensor2d(train.xs.map(scaleX));
  const yTrain = tf.tensor2d(train.ys.map((y) => scaleY([y])));
  const xTest = tf.tensor2d(test.xs.map(scaleX));
  const yTest = tf.tensor2d(test.ys.map((y) => scaleY([y])));

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [6] }));
  model.add(tf.layers.dense({ units: 32, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 1 }));
  const optimizer = tf.train.momentum(0.05, -0.9);
  model.compile({ optimizer, loss: 'meanSquaredError' });

  const history = await model.fit(xTrain, yTrain, { epochs: 30, batchSize: 32, shuffle: true, verbose: 0 });

  const losses = history.history.loss;
  const testLoss = model.evaluate(xTest, yTest).dataSync()[0];
  console.log(`loss ${losses[0].toFixed(4)} -> ${losses[losses.length - 1].toFixed(4)} | test mse ${testLoss.toFixed(4)}`);
}

main();
