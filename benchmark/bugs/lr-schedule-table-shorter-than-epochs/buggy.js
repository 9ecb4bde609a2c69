'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(9546);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Subscription churn: will a customer cancel within the next billing cycle?
// Features come from the account table (tenure, monthly fee, support tickets, logins, ...).
// The learning rate follows a step schedule, set at the start of each epoch from LR_TABLE.
const N_TRAIN = 2400;
const N_TEST = 600;
const NUM_FEATURES = 7;
const EPOCHS = 12;
const BATCH_SIZE = 64;
const LR_TABLE = [0.01, 0.005, 0.002];

function makeAccounts(n) {
  const xs = [];
  const ys = [];
  for (let i = 0; i < n; i++) {
    const tenureMonths = rng.int(1, 72);
    const monthlyFee = rng.uniform(9, 99);
    const tickets = rng.int(0, 8);
    const loginsPerWeek = Math.max(0, rng.normal(5, 3));
    const annualPlan = rng.random() < 0.35 ? 1 : 0;
    const autopay = rng.random() < 0.55 ? 1 : 0;
    const discount = rng.random() < 0.2 ? 1 : 0;
    const score =
      -0.05 * tenureMonths + 0.03 * monthlyFee + 0.45 * tickets - 0.35 * loginsPerWeek -
      1.6 * annualPlan - 0.6 * autopay + 0.4 * discount + 0.3 + rng.normal(0, 0.6);
    xs.push([tenureMonths, monthlyFee, tickets, loginsPerWeek, annualPlan, autopay, discount]);
    ys.push([score > 0 ? 1 : 0]);
  }
  return { xs, ys };
}

async function main() {
  await tf.setBackend('wasm');

  const train = makeAccounts(N_TRAIN);
  const test = makeAccounts(N_TEST);
  const xTrainRaw = tf.tensor2d(train.xs, [N_TRAIN, NUM_FEATURES]);
  const yTrain = tf.tensor2d(train.ys, [N_TRAIN, 1]);
  const xTestRaw = tf.tensor2d(test.xs, [N_TEST, NUM_FEATURES]);
  const yTest = tf.tensor2d(test.ys, [N_TEST, 1]);

  // standardize with the training statistics
  const { mean, variance } = tf.moments(xTrainRaw, 0);
  const std = variance.sqrt().add(1e-6);
  const xTrain = xTrainRaw.sub(mean).div(std);
  const xTest = xTestRaw.sub(mean).div(std);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [NUM_FEATURES] }));
  model.add(tf.layers.dense({ units: 16, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 1, activation: 'sigmoid' }));
  const optimizer = tf.train.adam(LR_TABLE[0]);
  model.compile({ optimizer, loss: 'binaryCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(xTrain, yTrain, {
    epochs: EPOCHS,
    batchSize: BATCH_SIZE,
    shuffle: true,
    verbose: 0,
    callbacks: {
      onEpochBegin: async (epoch) => {
        optimizer.learningRate = LR_TABLE[epoch];
      },
    },
  });

  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testAcc] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  console.log(`loss ${h.loss[0].toFixed(4)} -> ${h.loss[last].toFixed(4)} acc ${h.acc[last].toFixed(3)} | test loss ${testLoss.toFixed(4)} test acc ${testAcc.toFixed(3)}`);
}

main();
