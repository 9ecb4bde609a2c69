'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(4821);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Two interleaved spirals in the plane (binary classification, two turns each). 20% of the
// training rows are used for validation, and training stops once the validation loss stops
// improving so we do not waste epochs.
const N_TRAIN = 600;
const N_TEST = 400;
const TURNS = 4;

function makeSpirals(n) {
  const xs = [];
  const ys = [];
  for (let i = 0; i < n; i++) {
    const label = rng.int(0, 2);
    const t = rng.uniform(0.25, 1) * TURNS * Math.PI;
    const angle = t + label * Math.PI;
    const r = t / (TURNS * Math.PI);
    xs.push([r * Math.cos(angle) + rng.normal(0, 0.05), r * Math.sin(angle) + rng.normal(0, 0.05)]);
    ys.push(label);
  }
  return { xs, ys };
}

async function main() {
  await tf.setBackend('wasm');

  const train = makeSpirals(N_TRAIN);
  const test = makeSpirals(N_TEST);
  const xTrain = tf.tensor2d(train.xs, [N_TRAIN, 2]);
  const yTrain = tf.tensor2d(train.ys, [N_TRAIN, 1]);
  const xTest = tf.tensor2d(test.xs, [N_TEST, 2]);
  const yTest = tf.tensor2d(test.ys, [N_TEST, 1]);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 64, activation: 'relu', inputShape: [2] }));
  model.add(tf.layers.dense({ units: 64, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 1, activation: 'sigmoid' }));
  model.compile({ optimizer: tf.train.adam(0.01), loss: 'binaryCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(xTrain, yTrain, {
    epochs: 100,
    batchSize: 16,
    validationSplit: 0.2,
    shuffle: true,
    verbose: 0,
    callbacks: tf.callbacks.earlyStopping({ monitor: 'val_loss', patience: 0 }),
  });

  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testAcc] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  console.log(`epochs ${h.loss.length} loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} val loss ${h.val_loss[last].toFixed(3)} val acc ${h.val_acc[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
