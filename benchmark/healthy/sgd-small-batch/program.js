'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(1618);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Plain SGD at a large but stable learning rate with batches of 8: the per-batch loss is noisy,
// the trend is down. Targets: a noisy quadratic form of 8 standardized features.
const FEATURES = 8;

function makeSet(n) {
  const rows = [];
  const ys = [];
  for (let i = 0; i < n; i++) {
    const row = rng.array(FEATURES, () => rng.normal(0, 1));
    const y = 0.8 * row[0] - 0.5 * row[1] + 0.6 * row[2] * row[3] + 0.4 * Math.abs(row[4]) + rng.normal(0, 0.3);
    rows.push(row);
    ys.push([y]);
  }
  return { rows, ys };
}

async function main() {
  await tf.setBackend('wasm');
  const train = makeSet(800);
  const test = makeSet(300);
  const xTrain = tf.tensor2d(train.rows, [800, FEATURES]);
  const yTrain = tf.tensor2d(train.ys, [800, 1]);
  const xTest = tf.tensor2d(test.rows, [300, FEATURES]);
  const yTest = tf.tensor2d(test.ys, [300, 1]);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [FEATURES] }));
  model.add(tf.layers.dense({ units: 16, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 1 }));
  model.compile({ optimizer: tf.train.sgd(0.05), loss: 'meanSquaredError' });

  const history = await model.fit(xTrain, yTrain, { epochs: 12, batchSize: 8, verbose: 0 });
  const loss = history.history.loss;
  const testMse = model.evaluate(xTest, yTest).dataSync()[0];
  const baseline = yTest.sub(yTrain.mean()).square().mean().dataSync()[0];
  console.log(`loss ${loss[0].toFixed(3)} -> ${loss[loss.length - 1].toFixed(3)} | held-out MSE ${testMse.toFixed(3)} (predict-the-mean ${baseline.toFixed(3)})`);
}

main();
