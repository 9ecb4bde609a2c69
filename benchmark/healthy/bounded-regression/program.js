'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(3141);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Predicting a rate in [0, 1] (e.g. a conversion rate) from 8 standardized features: a sigmoid
// output keeps predictions in range, trained with mean squared error.
const FEATURES = 8;
const w = rng.array(FEATURES, () => rng.normal(0, 0.8));

function makeSet(n) {
  const rows = [];
  const rates = [];
  for (let i = 0; i < n; i++) {
    const row = rng.array(FEATURES, () => rng.normal(0, 1));
    const z = row.reduce((s, v, j) => s + v * w[j], 0) + 0.5 * Math.sin(2 * row[0]);
    rows.push(row);
    rates.push([Math.min(1, Math.max(0, 1 / (1 + Math.exp(-z)) + rng.normal(0, 0.03)))]);
  }
  return { rows, rates };
}

async function main() {
  await tf.setBackend('wasm');
  const train = makeSet(1200);
  const test = makeSet(400);
  const xTrain = tf.tensor2d(train.rows, [1200, FEATURES]);
  const yTrain = tf.tensor2d(train.rates, [1200, 1]);
  const xTest = tf.tensor2d(test.rows, [400, FEATURES]);
  const yTest = tf.tensor2d(test.rates, [400, 1]);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [FEATURES] }));
  model.add(tf.layers.dense({ units: 16, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 1, activation: 'sigmoid' }));
  model.compile({ optimizer: tf.train.adam(0.005), loss: 'meanSquaredError', metrics: ['mae'] });

  const history = await model.fit(xTrain, yTrain, { epochs: 30, batchSize: 32, validationData: [xTest, yTest], verbose: 0 });
  const h = history.history;
  const last = h.loss.length - 1;
  const baseline = yTest.sub(yTrain.mean()).square().mean().dataSync()[0];
  console.log(`loss ${h.loss[0].toFixed(4)} -> ${h.loss[last].toFixed(4)} | held-out MSE ${h.val_loss[last].toFixed(4)} (predict-the-mean ${baseline.toFixed(4)})`);
}

main();
