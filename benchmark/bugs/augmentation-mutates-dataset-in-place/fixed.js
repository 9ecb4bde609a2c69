'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(7731);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Battery state-of-health estimation: predict a cell's remaining capacity (standardized) from
// 8 standardized readings of a charge cycle (voltage sag, internal resistance, temperature rise,
// charge time, ...). The readings are noisy in the field, so the training readings get a little
// Gaussian jitter every epoch; the model is fitted one epoch at a time on the jittered rows.
const N_FEATURES = 8;
const N_TRAIN = 600;
const N_TEST = 300;
const EPOCHS = 150;
const NOISE = 0.1;

function makeCells(n) {
  const xs = [];
  const ys = [];
  for (let i = 0; i < n; i++) {
    const x = rng.array(N_FEATURES, () => rng.normal(0, 1));
    const y = 0.8 * x[0] - 0.6 * x[1] + 0.5 * Math.tanh(x[2] * x[3]) + 0.4 * x[4] - 0.2 * x[5] * x[5] + rng.normal(0, 0.05);
    xs.push(x);
    ys.push([y]);
  }
  return { xs, ys };
}

function jitter(rows) {
  const out = rows.map((row) => [...row]);
  for (const row of out) {
    for (let j = 0; j < row.length; j++) row[j] += rng.normal(0, NOISE);
  }
  return out;
}

async function main() {
  await tf.setBackend('wasm');

  const train = makeCells(N_TRAIN);
  const test = makeCells(N_TEST);
  const yTrain = tf.tensor2d(train.ys, [N_TRAIN, 1]);
  const xTest = tf.tensor2d(test.xs, [N_TEST, N_FEATURES]);
  const yTest = tf.tensor2d(test.ys, [N_TEST, 1]);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [N_FEATURES] }));
  model.add(tf.layers.dense({ units: 32, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 1 }));
  model.compile({ optimizer: tf.train.adam(0.003), loss: 'meanSquaredError', metrics: ['mae'] });

  const losses = [];
  const maes = [];
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    const xEpoch = tf.tensor2d(jitter(train.xs), [N_TRAIN, N_FEATURES]);
    const history = await model.fit(xEpoch, yTrain, { epochs: 1, batchSize: 32, shuffle: true, verbose: 0 });
    xEpoch.dispose();
    losses.push(history.history.loss[0]);
    maes.push(history.history.mae[0]);
  }

  const [testLoss, testMae] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  console.log(`loss ${losses[0].toFixed(3)} -> ${losses[EPOCHS - 1].toFixed(3)} mae ${maes[EPOCHS - 1].toFixed(3)} | test loss ${testLoss.toFixed(3)} test mae ${testMae.toFixed(3)}`);
}

main();
