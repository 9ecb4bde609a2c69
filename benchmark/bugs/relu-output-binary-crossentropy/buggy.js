'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(9606);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Churn prediction for a subscription service: will the customer cancel within the next
// quarter? Each row is one customer's account snapshot (tenure, monthly bill, support tickets,
// usage trend, contract type, payment method, ...). Features are standardized with the
// training statistics and a small MLP outputs the probability of churn. Churners are the
// minority, so the output bias starts at the log-odds of the base rate (as in the imbalanced
// data tutorial) instead of at 0.
const N_TRAIN = 1600;
const N_TEST = 500;
const FEATURE_NAMES = ['tenureMonths', 'monthlyBill', 'supportTickets', 'usageTrend', 'onAnnualContract', 'autoPay', 'lateLogins', 'discountPct'];
const NUM_FEATURES = FEATURE_NAMES.length;

function sampleCustomers(n) {
  const xs = [];
  const ys = [];
  for (let i = 0; i < n; i++) {
    const tenure = rng.int(1, 73);
    const bill = rng.uniform(15, 120);
    const tickets = rng.int(0, 8);
    const usageTrend = rng.normal(0, 0.3);
    const annual = rng.random() < 0.4 ? 1 : 0;
    const autoPay = rng.random() < 0.55 ? 1 : 0;
    const lateLogins = rng.int(0, 30);
    const discount = rng.random() < 0.3 ? rng.uniform(5, 30) : 0;
    const score =
      -1.5 - 0.05 * (tenure - 24) + 0.025 * (bill - 65) + 0.45 * (tickets - 2) - 4.0 * usageTrend
      - 1.6 * annual - 0.6 * autoPay + 0.06 * (lateLogins - 12) - 0.04 * discount
      + 0.6 * (tickets >= 4 && bill > 80 ? 1 : 0) + rng.normal(0, 0.5);
    xs.push([tenure, bill, tickets, usageTrend, annual, autoPay, lateLogins, discount]);
    ys.push([score > 0 ? 1 : 0]);
  }
  return { xs, ys };
}

async function main() {
  await tf.setBackend('wasm');

  const train = sampleCustomers(N_TRAIN);
  const test = sampleCustomers(N_TEST);
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
  const churners = train.ys.reduce((s, y) => s + y[0], 0);
  const initialBias = Math.log(churners / (N_TRAIN - churners));
  model.add(tf.layers.dense({ units: 1, activation: 'relu', biasInitializer: tf.initializers.constant({ value: initialBias }) }));
  model.compile({ optimizer: tf.train.adam(0.005), loss: 'binaryCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(xTrain, yTrain, { epochs: 30, batchSize: 32, shuffle: true, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testAcc] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  const churnRate = churners / N_TRAIN;
  console.log(`churn rate ${churnRate.toFixed(3)} | loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
