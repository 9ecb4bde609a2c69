'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(5271);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Heart-disease screening from 12 standardized clinical measurements of a small cohort
// (a few hundred patients). Diagnoses are noisy: the risk depends on a handful of measurements
// and many patients with a high risk score are healthy and vice versa. A wide MLP is trained
// with early stopping on the validation loss; a separate test cohort is scored at the end.
const NUM_FEATURES = 12;
const N_TRAIN = 400;
const N_VAL = 150;
const N_TEST = 600;

const weights = rng.array(NUM_FEATURES, (i) => (i < 5 ? rng.normal(0, 1) : 0));

function makeCohort(n) {
  const xs = [];
  const ys = [];
  for (let i = 0; i < n; i++) {
    const x = rng.array(NUM_FEATURES, () => rng.normal(0, 1));
    const score = x.reduce((s, v, j) => s + v * weights[j], 0) + 0.5 * x[0] * x[1];
    const p = 1 / (1 + Math.exp(-0.8 * score));
    xs.push(x);
    ys.push([rng.random() < p ? 1 : 0]);
  }
  return { xs, ys };
}

async function main() {
  await tf.setBackend('wasm');

  const train = makeCohort(N_TRAIN);
  const val = makeCohort(N_VAL);
  const test = makeCohort(N_TEST);
  const xTrain = tf.tensor2d(train.xs, [N_TRAIN, NUM_FEATURES]);
  const yTrain = tf.tensor2d(train.ys, [N_TRAIN, 1]);
  const xVal = tf.tensor2d(val.xs, [N_VAL, NUM_FEATURES]);
  const yVal = tf.tensor2d(val.ys, [N_VAL, 1]);
  const xTest = tf.tensor2d(test.xs, [N_TEST, NUM_FEATURES]);
  const yTest = tf.tensor2d(test.ys, [N_TEST, 1]);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 256, activation: 'relu', inputShape: [NUM_FEATURES] }));
  model.add(tf.layers.dense({ units: 256, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 1, activation: 'sigmoid' }));
  model.compile({ optimizer: tf.train.adam(0.001), loss: 'binaryCrossentropy', metrics: ['accuracy'] });

  const earlyStop = tf.callbacks.earlyStopping({ monitor: 'val_loss', patience: 8 });
  const history = await model.fit(xTrain, yTrain, { epochs: 100, batchSize: 32, shuffle: true, validationData: [xTrain, yTrain], callbacks: [earlyStop], verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testAcc] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  console.log(`epochs ${h.loss.length} loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} | val loss ${h.val_loss[last].toFixed(3)} val acc ${h.val_acc[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
