'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(6217);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Loan default from three standardized applicant features (debt-to-income ratio, credit
// utilization, years of credit history). The historical outcomes are noisy: about one label in
// five disagrees with what the features suggest. A quarter of the training applicants are held
// out for validation, and early stopping ends training once validation accuracy stops improving.
const NUM_FEATURES = 3;
const N_TRAIN = 160;
const N_TEST = 1000;
const LABEL_NOISE = 0.2;
const PATIENCE = 8;

function makeApplicants(n) {
  const xs = [];
  const ys = [];
  for (let i = 0; i < n; i++) {
    const x = rng.array(NUM_FEATURES, () => rng.normal(0, 1));
    const risk = x[0] + 0.8 * x[1] - 0.5 * x[2] + rng.normal(0, 0.1);
    const defaulted = risk > 0 ? 1 : 0;
    xs.push(x);
    ys.push([rng.random() < LABEL_NOISE ? 1 - defaulted : defaulted]);
  }
  return { xs, ys };
}

async function main() {
  await tf.setBackend('wasm');

  const train = makeApplicants(N_TRAIN);
  const test = makeApplicants(N_TEST);
  const xTrain = tf.tensor2d(train.xs, [N_TRAIN, NUM_FEATURES]);
  const yTrain = tf.tensor2d(train.ys, [N_TRAIN, 1]);
  const xTest = tf.tensor2d(test.xs, [N_TEST, NUM_FEATURES]);
  const yTest = tf.tensor2d(test.ys, [N_TEST, 1]);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 128, activation: 'relu', inputShape: [NUM_FEATURES] }));
  model.add(tf.layers.dense({ units: 128, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 1, activation: 'sigmoid' }));
  model.compile({ optimizer: tf.train.adam(0.01), loss: 'binaryCrossentropy', metrics: ['accuracy'] });

  const earlyStop = tf.callbacks.earlyStopping({ monitor: 'val_accuracy', patience: PATIENCE });
  const history = await model.fit(xTrain, yTrain, { epochs: 120, batchSize: 16, validationSplit: 0.25, shuffle: true, verbose: 0, callbacks: [earlyStop] });

  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testAcc] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  console.log(`epochs ${h.loss.length} loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} val loss ${h.val_loss[last].toFixed(3)} val acc ${h.val_acc[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
