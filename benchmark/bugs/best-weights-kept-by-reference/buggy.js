'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(6614);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// 30-day hospital readmission from 20 standardized patient features (age, length of stay, lab
// values, prior admissions, ...). The clinical dataset is small, so a held-out validation set
// drives early stopping and the weights of the epoch with the lowest validation loss are kept
// for the final model (tfjs's earlyStopping has no restoreBestWeights option).
const N_FEATURES = 20;
const N_TRAIN = 240;
const N_VAL = 80;
const N_TEST = 600;
const PATIENCE = 50;

const risk = rng.array(N_FEATURES, (i) => (i < 5 ? rng.normal(0, 1) : 0));

function makePatients(n) {
  const xs = [];
  const ys = [];
  for (let i = 0; i < n; i++) {
    const x = rng.array(N_FEATURES, () => rng.normal(0, 1));
    let z = 0.8 * x[0] * x[1];
    for (let j = 0; j < N_FEATURES; j++) z += risk[j] * x[j];
    xs.push(x);
    ys.push([rng.random() < 1 / (1 + Math.exp(-z)) ? 1 : 0]);
  }
  return { xs, ys };
}

async function main() {
  await tf.setBackend('wasm');

  const train = makePatients(N_TRAIN);
  const val = makePatients(N_VAL);
  const test = makePatients(N_TEST);
  const xTrain = tf.tensor2d(train.xs, [N_TRAIN, N_FEATURES]);
  const yTrain = tf.tensor2d(train.ys, [N_TRAIN, 1]);
  const xVal = tf.tensor2d(val.xs, [N_VAL, N_FEATURES]);
  const yVal = tf.tensor2d(val.ys, [N_VAL, 1]);
  const xTest = tf.tensor2d(test.xs, [N_TEST, N_FEATURES]);
  const yTest = tf.tensor2d(test.ys, [N_TEST, 1]);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 256, activation: 'relu', inputShape: [N_FEATURES] }));
  model.add(tf.layers.dense({ units: 256, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 1, activation: 'sigmoid' }));
  model.compile({ optimizer: tf.train.adam(0.001), loss: 'binaryCrossentropy', metrics: ['accuracy'] });

  let bestValLoss = Infinity;
  let bestEpoch = -1;
  let bestWeights = null;
  const keepBest = new tf.CustomCallback({
    onEpochEnd: async (epoch, logs) => {
      if (logs.val_loss < bestValLoss) {
        bestValLoss = logs.val_loss;
        bestEpoch = epoch;
        bestWeights = model.getWeights();
      }
    },
  });
  const earlyStop = tf.callbacks.earlyStopping({ monitor: 'val_loss', patience: PATIENCE });

  const history = await model.fit(xTrain, yTrain, { epochs: 300, batchSize: 32, validationData: [xVal, yVal], callbacks: [keepBest, earlyStop], verbose: 0 });
  model.setWeights(bestWeights);

  const h = history.history;
  const last = h.loss.length - 1;
  const [valLoss] = model.evaluate(xVal, yVal).map((t) => t.dataSync()[0]);
  const [testLoss, testAcc] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  console.log(`stopped after ${h.loss.length} epochs, best val loss ${bestValLoss.toFixed(3)} at epoch ${bestEpoch + 1} | loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} | kept model: val loss ${valLoss.toFixed(3)} test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
