'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(4817);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Regression on a synthetic "energy use" table: 8 standardized building features, and the target
// is a smooth nonlinear function of them plus a little noise. Small MLP, MSE, SGD with momentum.
const NUM_FEATURES = 8;
const N_TRAIN = 1200;
const N_TEST = 400;

function energyUse(f) {
  return 1.5 * f[0] - 0.8 * f[1] + 0.6 * f[2] * f[3] + Math.sin(1.5 * f[4]) + 0.4 * f[5] * f[5] - 0.5 * Math.abs(f[6]);
}

function makeRows(n) {
  const xs = [];
  const ys = [];
  for (let i = 0; i < n; i++) {
    const f = rng.array(NUM_FEATURES, () => rng.normal(0, 1));
    xs.push(f);
    ys.push([energyUse(f) + rng.normal(0, 0.1)]);
  }
  return { xs, ys };
}

async function main() {
  await tf.setBackend('wasm');

  const train = makeRows(N_TRAIN);
  const test = makeRows(N_TEST);
  const xTrain = tf.tensor2d(train.xs, [N_TRAIN, NUM_FEATURES]);
  const yTrain = tf.tensor2d(train.ys, [N_TRAIN, 1]);
  const xTest = tf.tensor2d(test.xs, [N_TEST, NUM_FEATURES]);
  const yTest = tf.tensor2d(test.ys, [N_TEST, 1]);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 64, activation: 'relu', inputShape: [NUM_FEATURES] }));
  model.add(tf.layers.dense({ units: 32, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 1 }));

  const optimizer = tf.train.momentum(0.9, 0.01);
  model.compile({ optimizer, loss: 'meanSquaredError', metrics: ['mae'] });

  const history = await model.fit(xTrain, yTrain, { epochs: 30, batchSize: 32, shuffle: true, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testMae] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} mae ${h.mae[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test mae ${testMae.toFixed(3)}`);
}

main();
