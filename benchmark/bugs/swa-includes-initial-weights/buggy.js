'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(4417);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Predict the compressive strength of concrete (MPa) from 8 standardized mix features (cement,
// slag, fly ash, water, superplasticizer, coarse and fine aggregate, age). An MLP trained with
// SGD with momentum; the final model is the stochastic weight average (SWA) of the weights
// reached at the end of the epochs, taken by a small callback and written back when
// training ends.
const NUM_FEATURES = 8;
const N_TRAIN = 800;
const N_TEST = 300;
const EPOCHS = 16;

function makeMixes(n) {
  const xs = [];
  const ys = [];
  for (let i = 0; i < n; i++) {
    const x = rng.array(NUM_FEATURES, () => rng.normal(0, 1));
    const strength = 36 + 9 * x[0] + 4 * x[1] - 7 * x[3] + 3 * x[4] + 8 * Math.tanh(1.5 * x[7]) - 3 * x[0] * x[3] + 2 * x[2] * x[2] + rng.normal(0, 2);
    xs.push(x);
    ys.push([strength]);
  }
  return { xs, ys };
}

async function main() {
  await tf.setBackend('wasm');

  const train = makeMixes(N_TRAIN);
  const test = makeMixes(N_TEST);
  const xTrain = tf.tensor2d(train.xs, [N_TRAIN, NUM_FEATURES]);
  const yTrain = tf.tensor2d(train.ys, [N_TRAIN, 1]);
  const xTest = tf.tensor2d(test.xs, [N_TEST, NUM_FEATURES]);
  const yTest = tf.tensor2d(test.ys, [N_TEST, 1]);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 64, activation: 'relu', inputShape: [NUM_FEATURES] }));
  model.add(tf.layers.dense({ units: 32, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 1 }));
  const optimizer = tf.train.momentum(0.001, 0.9);
  model.compile({ optimizer, loss: 'meanSquaredError', metrics: ['mae'] });

  // Stochastic weight averaging: running sum of weight snapshots, averaged at the end of training.
  let swaSum = null;
  let swaCount = 0;
  const recordSnapshot = () => {
    const weights = model.getWeights();
    swaSum = swaSum === null ? weights.map((w) => w.clone()) : swaSum.map((s, i) => tf.tidy(() => s.add(weights[i])));
    swaCount += 1;
  };
  const swa = {
    onTrainBegin: async () => { swaSum = null; swaCount = 0; recordSnapshot(); },
    onEpochEnd: async (epoch) => recordSnapshot(),
    onTrainEnd: async () => model.setWeights(swaSum.map((s) => s.div(swaCount))),
  };

  const history = await model.fit(xTrain, yTrain, { epochs: EPOCHS, batchSize: 32, shuffle: true, verbose: 0, callbacks: swa });
  const h = history.history;
  const last = h.loss.length - 1;
  const [trainLoss, trainMae] = model.evaluate(xTrain, yTrain).map((t) => t.dataSync()[0]);
  const [testLoss, testMae] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  console.log(`last-epoch loss ${h.loss[0].toFixed(2)} -> ${h.loss[last].toFixed(2)} mae ${h.mae[last].toFixed(2)} | averaged model: train loss ${trainLoss.toFixed(2)} mae ${trainMae.toFixed(2)} | test loss ${testLoss.toFixed(2)} test mae ${testMae.toFixed(2)} MPa`);
}

main();
