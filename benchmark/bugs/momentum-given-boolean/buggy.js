'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(9693);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Telecom churn: will a subscriber cancel within the next quarter? Features from the billing
// system: tenure, monthly charge, support calls, dropped-call rate, data usage and whether the
// customer is on a yearly contract. Small MLP with a sigmoid output, SGD with Nesterov momentum.
const N_TRAIN = 1500;
const N_TEST = 600;
const NUM_FEATURES = 6;

function subscribers(n) {
  const xs = [];
  const ys = [];
  for (let i = 0; i < n; i++) {
    const tenureMonths = rng.uniform(1, 72);
    const monthlyCharge = rng.uniform(20, 120); // dollars
    const supportCalls = rng.int(0, 8);
    const droppedRate = Math.abs(rng.normal(1.5, 1.2)); // % of calls
    const dataGb = Math.abs(rng.normal(12, 8));
    const yearly = rng.random() < 0.4 ? 1 : 0;
    const risk = -0.05 * tenureMonths + 0.03 * (monthlyCharge - 70) + 0.55 * supportCalls
      + 0.6 * droppedRate - 2.0 * yearly - 0.04 * dataGb + 0.4 + rng.normal(0, 0.5);
    xs.push([tenureMonths, monthlyCharge, supportCalls, droppedRate, dataGb, yearly]);
    ys.push([risk > 0 ? 1 : 0]);
  }
  return { xs, ys };
}

async function main() {
  await tf.setBackend('wasm');

  const train = subscribers(N_TRAIN);
  const test = subscribers(N_TEST);
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

  const optimizer = tf.train.momentum(0.05, true);
  model.compile({ optimizer, loss: 'binaryCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(xTrain, yTrain, { epochs: 30, batchSize: 32, shuffle: true, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const churnRate = train.ys.filter((y) => y[0] === 1).length / N_TRAIN;
  const [testLoss, testAcc] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)} (churn rate ${churnRate.toFixed(2)})`);
}

main();
