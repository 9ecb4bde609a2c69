'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(6254);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Churn prediction for a subscription service: will a customer cancel next month, from 8
// standardized usage features (sessions per week, support tickets, tenure, ...)? The run
// settings come as JSON from the team's experiment dashboard; anything not set there falls
// back to the script's defaults.
const RUN_CONFIG = `{
  "experiment": "churn-mlp-v3",
  "optimizer": { "name": "adam", "learningRate": null },
  "training": { "epochs": 30, "batchSize": 32 },
  "model": { "hiddenUnits": 32 }
}`;
const N_FEATURES = 8;
const N_TRAIN = 1000;
const N_TEST = 400;

const config = JSON.parse(RUN_CONFIG);
const learningRate = config.optimizer.learningRate ?? 0.01;
const { epochs = 20, batchSize = 32 } = config.training;
const { hiddenUnits = 16 } = config.model;

function makeCustomers(n) {
  const xs = [];
  const ys = [];
  for (let i = 0; i < n; i++) {
    const x = rng.array(N_FEATURES, () => rng.normal(0, 1));
    const risk = -1.4 * x[0] + 1.1 * x[1] - 0.8 * x[2] + 0.9 * x[3] * x[4] + 0.7 * Math.abs(x[5]) - 0.5 + rng.normal(0, 0.3);
    xs.push(x);
    ys.push([risk > 0 ? 1 : 0]);
  }
  return { xs, ys };
}

async function main() {
  await tf.setBackend('wasm');

  const train = makeCustomers(N_TRAIN);
  const test = makeCustomers(N_TEST);
  const xTrain = tf.tensor2d(train.xs, [N_TRAIN, N_FEATURES]);
  const yTrain = tf.tensor2d(train.ys, [N_TRAIN, 1]);
  const xTest = tf.tensor2d(test.xs, [N_TEST, N_FEATURES]);
  const yTest = tf.tensor2d(test.ys, [N_TEST, 1]);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: hiddenUnits, activation: 'relu', inputShape: [N_FEATURES] }));
  model.add(tf.layers.dense({ units: hiddenUnits, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 1, activation: 'sigmoid' }));
  const optimizer = tf.train.adam(learningRate);
  model.compile({ optimizer, loss: 'binaryCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(xTrain, yTrain, { epochs, batchSize, shuffle: true, verbose: 0 });
  const h = history.history;
  const last = h.loss.length - 1;
  const positives = train.ys.filter((y) => y[0] === 1).length / N_TRAIN;
  const [testLoss, testAcc] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  console.log(`${config.experiment} (churn rate ${positives.toFixed(3)}): loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
