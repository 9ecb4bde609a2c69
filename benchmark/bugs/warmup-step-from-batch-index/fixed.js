'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(9588);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Predicts whether a subscriber cancels within the next quarter from twelve account features
// (tenure, monthly bill, support calls, usage trend, ...). A small MLP trained with plain SGD;
// the learning rate is warmed up linearly over the first WARMUP_STEPS updates so the early,
// noisy gradients of the fresh network do not throw it around, then held at BASE_LR.
const N_TRAIN = 5120;
const N_TEST = 1000;
const NUM_FEATURES = 12;
const BATCH_SIZE = 128;
const EPOCHS = 25;
const BASE_LR = 0.3;
const WARMUP_STEPS = 500;

function makeAccounts(n) {
  const xs = [];
  const ys = [];
  for (let i = 0; i < n; i++) {
    const tenure = rng.uniform(0, 72); // months
    const bill = rng.uniform(20, 120); // dollars per month
    const calls = rng.int(0, 8); // support calls last quarter
    const trend = rng.normal(0, 1); // usage trend, z-scored upstream
    const contract = rng.int(0, 3); // month-to-month, one year, two years
    const extras = rng.array(7, () => rng.normal(0, 1));
    const score =
      1.5 * Math.tanh((bill - 70) / 15) * (calls - 2.5) -
      1.5 * Math.tanh((tenure - 24) / 12) +
      1.5 * trend * (contract === 0 ? 1 : -0.6) +
      1.2 * extras[0] * extras[1] +
      rng.normal(0, 0.3);
    xs.push([tenure, bill, calls, trend, contract, ...extras]);
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

  const { mean, variance } = tf.moments(xTrainRaw, 0);
  const std = variance.sqrt().add(1e-6);
  const xTrain = xTrainRaw.sub(mean).div(std);
  const xTest = xTestRaw.sub(mean).div(std);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [NUM_FEATURES] }));
  model.add(tf.layers.dense({ units: 16, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 1, activation: 'sigmoid' }));
  const optimizer = tf.train.sgd(BASE_LR);
  model.compile({ optimizer, loss: 'binaryCrossentropy', metrics: ['accuracy'] });

  let step = 0;
  const warmup = {
    onBatchBegin: async (batch) => {
      optimizer.setLearningRate(BASE_LR * Math.min(1, (step + 1) / WARMUP_STEPS));
    },
    onBatchEnd: async () => {
      step++;
    },
  };

  const history = await model.fit(xTrain, yTrain, {
    epochs: EPOCHS,
    batchSize: BATCH_SIZE,
    shuffle: true,
    verbose: 0,
    callbacks: warmup,
  });

  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testAcc] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} | ${step} steps | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
