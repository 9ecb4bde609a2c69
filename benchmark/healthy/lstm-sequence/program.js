'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(8629);
const tf = require('@tensorflow/tfjs');

// Sequences of 10 steps with two features: an amount and a deposit(1)/withdrawal(0) flag.
// The label is whether the balance (running sum of signed amounts) ends positive.
const STEPS = 10;
const FEATURES = 2;

function makeSequences(n) {
  const values = new Float32Array(n * STEPS * FEATURES);
  const labels = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    let balance = 0;
    for (let t = 0; t < STEPS; t++) {
      const amount = rng.uniform(0, 1);
      const deposit = rng.random() < 0.5 ? 1 : 0;
      balance += deposit ? amount : -amount;
      values[(i * STEPS + t) * FEATURES] = amount;
      values[(i * STEPS + t) * FEATURES + 1] = deposit;
    }
    labels[i] = balance > 0 ? 1 : 0;
  }
  return { values, labels };
}

async function main() {
  await tf.setBackend('cpu');

  const NTRAIN = 1600;
  const NTEST = 400;
  const train = makeSequences(NTRAIN);
  const test = makeSequences(NTEST);
  const xTrain = tf.tensor3d(train.values, [NTRAIN, STEPS, FEATURES]);
  const yTrain = tf.tensor2d(train.labels, [NTRAIN, 1]);
  const xTest = tf.tensor3d(test.values, [NTEST, STEPS, FEATURES]);
  const yTest = tf.tensor2d(test.labels, [NTEST, 1]);

  const model = tf.sequential();
  model.add(tf.layers.lstm({ units: 16, inputShape: [STEPS, FEATURES] }));
  model.add(tf.layers.dense({ units: 1, activation: 'sigmoid' }));

  model.compile({ optimizer: tf.train.rmsprop(0.01), loss: 'binaryCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(xTrain, yTrain, { epochs: 12, batchSize: 32, validationSplit: 0.1, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testAcc] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  console.log(`loss ${h.loss[0].toFixed(4)} -> ${h.loss[last].toFixed(4)} val_acc ${h.val_acc[last].toFixed(3)} | held-out loss ${testLoss.toFixed(4)} accuracy ${testAcc.toFixed(3)}`);
}

main();
