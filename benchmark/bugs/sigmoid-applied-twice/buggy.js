'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(9676);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Subscriber churn: will a customer cancel within the next billing cycle? The usage snapshot has
// tenure, monthly charge, support calls, data usage, the share of the plan's allowance used and the
// days since the last login. Churn is driven by interactions (new customers with high bills,
// heavy users close to their cap, long-inactive accounts), so a two-hidden-layer MLP is used.
// Features are standardized with the training statistics; the last 25 % of customers is held out.
const N = 3000;
const N_TRAIN = 2250;
const NUM_FEATURES = 6;

function makeCustomers(n) {
  const xs = [];
  const ys = [];
  for (let i = 0; i < n; i++) {
    const tenure = rng.int(1, 72);
    const monthly = rng.uniform(20, 120);
    const calls = Math.floor(Math.max(0, rng.normal(1.5, 1.5)));
    const dataGb = Math.max(0.1, rng.normal(12, 6));
    const capUsed = Math.min(1.3, Math.max(0, rng.normal(0.7, 0.25)));
    const idleDays = Math.floor(rng.uniform(0, 45));
    const z = -1.5
      + 2.4 * (tenure < 12 ? 1 : 0) * (monthly - 60) / 30
      + 0.55 * calls
      + 3.0 * Math.max(0, capUsed - 0.95) / 0.1 * (dataGb > 12 ? 1 : 0)
      + 1.8 * (idleDays > 30 ? 1 : 0)
      - 0.02 * tenure;
    xs.push([tenure, monthly, calls, dataGb, capUsed, idleDays]);
    ys.push([rng.random() < 1 / (1 + Math.exp(-3 * z)) ? 1 : 0]);
  }
  return { xs, ys };
}

async function main() {
  await tf.setBackend('wasm');

  const data = makeCustomers(N);
  const xAll = tf.tensor2d(data.xs, [N, NUM_FEATURES]);
  const yAll = tf.tensor2d(data.ys, [N, 1]);
  const [xTrainRaw, xTestRaw] = tf.split(xAll, [N_TRAIN, N - N_TRAIN]);
  const [yTrain, yTest] = tf.split(yAll, [N_TRAIN, N - N_TRAIN]);

  const { mean, variance } = tf.moments(xTrainRaw, 0);
  const std = variance.sqrt().add(1e-6);
  const xTrain = xTrainRaw.sub(mean).div(std);
  const xTest = xTestRaw.sub(mean).div(std);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [NUM_FEATURES] }));
  model.add(tf.layers.dense({ units: 16, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 1, activation: 'sigmoid' }));
  model.compile({
    optimizer: tf.train.sgd(0.05),
    // binary cross-entropy from tf.losses, averaged over the batch
    loss: (yTrue, yPred) => tf.losses.sigmoidCrossEntropy(yTrue, yPred),
    metrics: ['accuracy'],
  });

  const history = await model.fit(xTrain, yTrain, { epochs: 25, batchSize: 64, shuffle: true, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testAcc] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  const churnRate = yTest.mean().dataSync()[0];
  console.log(`loss ${h.loss[0].toFixed(4)} -> ${h.loss[last].toFixed(4)} acc ${h.acc[last].toFixed(3)} | test loss ${testLoss.toFixed(4)} test acc ${testAcc.toFixed(3)} (churn rate ${churnRate.toFixed(3)})`);
}

main();
