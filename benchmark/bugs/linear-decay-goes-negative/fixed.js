'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(3907);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Regression: predict a smooth nonlinear response from 8 standardized inputs with a small MLP
// trained by Adam. The learning rate is decayed linearly, set at the start of each epoch.
const NUM_FEATURES = 8;
const N_TRAIN = 1500;
const N_TEST = 500;
const EPOCHS = 40;
const BASE_LR = 0.01;
const DECAY_EPOCHS = 25;

function target(x) {
  return Math.sin(x[0]) + 0.5 * x[1] * x[2] - 0.3 * x[3] * x[3] + 0.8 * Math.tanh(x[4] - x[5]) + 0.2 * x[6];
}

function makeData(n) {
  const xs = [];
  const ys = [];
  for (let i = 0; i < n; i++) {
    const row = rng.array(NUM_FEATURES, () => rng.normal(0, 1));
    xs.push(row);
    ys.push([target(row) + rng.normal(0, 0.05)]);
  }
  return { xs, ys };
}

async function main() {
  await tf.setBackend('wasm');

  const train = makeData(N_TRAIN);
  const test = makeData(N_TEST);
  const xTrain = tf.tensor2d(train.xs, [N_TRAIN, NUM_FEATURES]);
  const yTrain = tf.tensor2d(train.ys, [N_TRAIN, 1]);
  const xTest = tf.tensor2d(test.xs, [N_TEST, NUM_FEATURES]);
  const yTest = tf.tensor2d(test.ys, [N_TEST, 1]);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 64, activation: 'relu', inputShape: [NUM_FEATURES] }));
  model.add(tf.layers.dense({ units: 32, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 1 }));
  model.compile({ optimizer: tf.train.adam(BASE_LR), loss: 'meanSquaredError', metrics: ['mae'] });

  const lrDecay = {
    onEpochBegin: async (epoch) => {
      model.optimizer.learningRate = Math.max(BASE_LR * (1 - epoch / DECAY_EPOCHS), 0.0001 * BASE_LR);
    },
  };

  const history = await model.fit(xTrain, yTrain, {
    epochs: EPOCHS,
    batchSize: 32,
    shuffle: true,
    callbacks: [lrDecay],
    verbose: 0,
  });

  const h = history.history;
  const last = h.loss.length - 1;
  const best = Math.min(...h.loss);
  const [testLoss, testMae] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} (best ${best.toFixed(3)}) mae ${h.mae[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test mae ${testMae.toFixed(3)}`);
}

main();
