'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(5150);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Regression of a smooth non-linear function of 16 raw features on different scales
// (batch normalization after each hidden layer, no input standardization).
const FEATURES = 16;
const scales = rng.array(FEATURES, (i) => (i % 4 === 0 ? 100 : i % 4 === 1 ? 10 : 1));

function target(row) {
  const z = row.map((v, i) => v / scales[i]);
  return Math.sin(z[0] + z[1]) + 0.5 * z[2] * z[3] - 0.3 * z[4] ** 2 + 0.2 * z[5] + Math.tanh(z[6] - z[7]);
}

function makeSet(n) {
  const rows = [];
  const ys = [];
  for (let i = 0; i < n; i++) {
    const row = scales.map((s) => rng.normal(0, 1) * s);
    rows.push(row);
    ys.push([target(row) + rng.normal(0, 0.1)]);
  }
  return { rows, ys };
}

async function main() {
  await tf.setBackend('wasm');
  const train = makeSet(2000);
  const test = makeSet(500);
  const xTrain = tf.tensor2d(train.rows, [2000, FEATURES]);
  const yTrain = tf.tensor2d(train.ys, [2000, 1]);
  const xTest = tf.tensor2d(test.rows, [500, FEATURES]);
  const yTest = tf.tensor2d(test.ys, [500, 1]);

  const model = tf.sequential();
  model.add(tf.layers.batchNormalization({ inputShape: [FEATURES] }));
  model.add(tf.layers.dense({ units: 64, kernelInitializer: 'heNormal' }));
  model.add(tf.layers.batchNormalization());
  model.add(tf.layers.leakyReLU({ alpha: 0.1 }));
  model.add(tf.layers.dense({ units: 64, kernelInitializer: 'heNormal' }));
  model.add(tf.layers.batchNormalization());
  model.add(tf.layers.leakyReLU({ alpha: 0.1 }));
  model.add(tf.layers.dense({ units: 32, kernelInitializer: 'heNormal' }));
  model.add(tf.layers.batchNormalization());
  model.add(tf.layers.leakyReLU({ alpha: 0.1 }));
  model.add(tf.layers.dense({ units: 32, kernelInitializer: 'heNormal' }));
  model.add(tf.layers.batchNormalization());
  model.add(tf.layers.leakyReLU({ alpha: 0.1 }));
  model.add(tf.layers.dense({ units: 1 }));
  model.compile({ optimizer: tf.train.momentum(0.01, 0.9), loss: 'meanSquaredError' });

  const history = await model.fit(xTrain, yTrain, { epochs: 25, batchSize: 64, validationSplit: 0.1, verbose: 0 });
  const loss = history.history.loss;
  const testMse = model.evaluate(xTest, yTest).dataSync()[0];
  const baseline = yTest.sub(yTrain.mean()).square().mean().dataSync()[0];
  console.log(`loss ${loss[0].toFixed(3)} -> ${loss[loss.length - 1].toFixed(3)} | held-out MSE ${testMse.toFixed(3)} (predict-the-mean ${baseline.toFixed(3)})`);
}

main();
