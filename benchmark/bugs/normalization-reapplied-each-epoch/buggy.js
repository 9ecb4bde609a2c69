'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(5217);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Churn prediction for a mobile operator: from monthly call minutes, monthly charge ($), tenure
// (months), support calls in the last quarter and mobile data used (GB), predict whether the
// customer cancels next month. Features are standardized with the training mean/std; the model is
// trained one epoch at a time so the held-out accuracy can be logged after every epoch.
const NUM_FEATURES = 5;
const N_TRAIN = 1200;
const N_TEST = 400;
const EPOCHS = 40;

function poisson(lambda) {
  let k = 0;
  let p = Math.exp(-lambda);
  let s = p;
  const u = rng.random();
  while (u > s) {
    k += 1;
    p *= lambda / k;
    s += p;
  }
  return k;
}

function makeCustomers(n) {
  const xs = [];
  const ys = [];
  for (let i = 0; i < n; i++) {
    const minutes = Math.max(0, rng.normal(600, 200));
    const charge = Math.max(15, rng.normal(70, 25));
    const tenure = rng.uniform(1, 72);
    const calls = poisson(2);
    const dataGb = Math.max(0, rng.normal(8, 5));
    const z = 0.9 * (calls - 2) + 0.05 * (charge - 70) - 0.06 * (tenure - 36) - 0.003 * (minutes - 600) * (dataGb < 4 ? 1 : -0.5) + rng.normal(0, 0.5);
    xs.push([minutes, charge, tenure, calls, dataGb]);
    ys.push([z > 0 ? 1 : 0]);
  }
  return { xs, ys };
}

async function main() {
  await tf.setBackend('wasm');

  const train = makeCustomers(N_TRAIN);
  const test = makeCustomers(N_TEST);
  let xTrain = tf.tensor2d(train.xs, [N_TRAIN, NUM_FEATURES]);
  const yTrain = tf.tensor2d(train.ys, [N_TRAIN, 1]);
  const { mean, variance } = tf.moments(xTrain, 0);
  const std = variance.sqrt();
  const xTest = tf.tensor2d(test.xs, [N_TEST, NUM_FEATURES]).sub(mean).div(std);
  const yTest = tf.tensor2d(test.ys, [N_TEST, 1]);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [NUM_FEATURES] }));
  model.add(tf.layers.dense({ units: 16, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 1, activation: 'sigmoid' }));
  model.compile({ optimizer: tf.train.adam(0.002), loss: 'binaryCrossentropy', metrics: ['accuracy'] });

  const losses = [];
  const testAccs = [];
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    xTrain = xTrain.sub(mean).div(std);
    const h = await model.fit(xTrain, yTrain, { epochs: 1, batchSize: 32, shuffle: true, verbose: 0 });
    losses.push(h.history.loss[0]);
    const [, testAcc] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
    testAccs.push(testAcc);
  }

  const [trainLoss, trainAcc] = model.evaluate(xTrain, yTrain).map((t) => t.dataSync()[0]);
  const [testLoss, testAcc] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  const best = Math.max(...testAccs);
  console.log(`loss ${losses[0].toFixed(3)} -> ${losses[EPOCHS - 1].toFixed(3)} acc ${trainAcc.toFixed(3)} (eval loss ${trainLoss.toFixed(3)}) | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)} (best epoch ${testAccs.indexOf(best) + 1}: ${best.toFixed(3)})`);
}

main();
