'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(4821);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Churn prediction on synthetic customer records: 10 standardized features (tenure, monthly
// spend, support calls, ...). A customer churns when a hidden risk score is high, which only
// happens for roughly one customer in ten.
const NUM_FEATURES = 10;
const N_TRAIN = 1600;
const N_TEST = 400;

const weights = rng.array(NUM_FEATURES, () => rng.normal(0, 1));

function makeCustomers(n) {
  const xs = [];
  const ys = [];
  for (let i = 0; i < n; i++) {
    const row = rng.array(NUM_FEATURES, () => rng.normal(0, 1));
    let risk = 0;
    for (let j = 0; j < NUM_FEATURES; j++) risk += weights[j] * row[j];
    risk += 0.8 * row[0] * row[1];
    xs.push(row);
    ys.push([risk > 3.5 ? 1 : 0]);
  }
  return { xs, ys };
}

async function main() {
  await tf.setBackend('wasm');

  const train = makeCustomers(N_TRAIN);
  const test = makeCustomers(N_TEST);
  const churnRate = train.ys.filter((y) => y[0] === 1).length / N_TRAIN;
  const xTrain = tf.tensor2d(train.xs, [N_TRAIN, NUM_FEATURES]);
  const yTrain = tf.tensor2d(train.ys, [N_TRAIN, 1]);
  const xTest = tf.tensor2d(test.xs, [N_TEST, NUM_FEATURES]);
  const yTest = tf.tensor2d(test.ys, [N_TEST, 1]);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [NUM_FEATURES] }));
  model.add(tf.layers.dense({ units: 16, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 1, activation: 'sigmoid', biasInitializer: tf.initializers.constant({ value: -10 }) }));

  model.compile({ optimizer: tf.train.sgd(0.3), loss: 'meanSquaredError', metrics: ['accuracy'] });
  const history = await model.fit(xTrain, yTrain, { epochs: 30, batchSize: 32, shuffle: true, verbose: 0 });

  // recall on the churners matters more than plain accuracy here
  const recall = tf.tidy(() => {
    const pred = model.predict(xTest).greater(0.5).cast('float32');
    return pred.mul(yTest).sum().div(yTest.sum()).dataSync()[0];
  });
  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testAcc] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  console.log(`churn rate ${churnRate.toFixed(3)} | loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)} test recall ${recall.toFixed(3)}`);
}

main();
