'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(5227);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Plan recommendation: predict which of three subscription plans (basic / standard / premium)
// a customer picks from 8 standardized usage features (minutes streamed, devices, downloads,
// weekend share, ...). Each plan has a typical usage profile plus one interaction effect.
// MLP trained with model.fit; progress is logged every 10 epochs, then the model is scored on
// the training set and on a held-out set of new customers.
const PLANS = ['basic', 'standard', 'premium'];
const NUM_FEATURES = 8;
const N_TRAIN = 1200;
const N_TEST = 400;
const EPOCHS = 30;

const W = PLANS.map(() => rng.array(NUM_FEATURES, () => rng.normal(0, 1)));

function makeCustomers(n) {
  const xs = [];
  const ys = [];
  for (let i = 0; i < n; i++) {
    const x = rng.array(NUM_FEATURES, () => rng.normal(0, 1));
    const scores = W.map((w, k) => w.reduce((s, wi, j) => s + wi * x[j], 0) + (k === 2 ? 0.8 * x[0] * x[1] : 0) + rng.normal(0, 0.3));
    const c = scores.indexOf(Math.max(...scores));
    xs.push(x);
    ys.push(PLANS.map((_, k) => (k === c ? 1 : 0)));
  }
  return { xs, ys };
}

async function main() {
  await tf.setBackend('wasm');

  const train = makeCustomers(N_TRAIN);
  const test = makeCustomers(N_TEST);
  const xTrain = tf.tensor2d(train.xs, [N_TRAIN, NUM_FEATURES]);
  const yTrain = tf.tensor2d(train.ys, [N_TRAIN, PLANS.length]);
  const xTest = tf.tensor2d(test.xs, [N_TEST, NUM_FEATURES]);
  const yTest = tf.tensor2d(test.ys, [N_TEST, PLANS.length]);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [NUM_FEATURES] }));
  model.add(tf.layers.dense({ units: 32, activation: 'relu' }));
  model.add(tf.layers.dense({ units: PLANS.length, activation: 'softmax' }));
  model.compile({ optimizer: tf.train.adam(0.005), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });

  const callbacks = {
    onEpochEnd: (epoch, logs) => {
      if ((epoch + 1) % 10 === 0) console.log(`epoch ${epoch + 1}/${EPOCHS} loss ${logs.loss.toFixed(3)} acc ${logs.acc.toFixed(3)}`);
    },
  };

  model.fit(xTrain, yTrain, { epochs: EPOCHS, batchSize: 32, shuffle: true, callbacks, verbose: 0 });

  const [trainLoss, trainAcc] = model.evaluate(xTrain, yTrain).map((t) => t.dataSync()[0]);
  const [testLoss, testAcc] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  console.log(`train loss ${trainLoss.toFixed(3)} acc ${trainAcc.toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
