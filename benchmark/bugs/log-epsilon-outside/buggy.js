'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(5274);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Quality control on a bottling line: decide from 8 standardized sensor readings (fill level,
// cap torque, label offset, temperature, ...) whether a bottle is rejected. Rejections follow a
// fixed inspection rule on the readings. Small MLP with a sigmoid output, trained with model.fit
// and a hand-written binary cross-entropy.
const N_FEATURES = 8;
const N_TRAIN = 1000;
const N_TEST = 400;
const EPOCHS = 60;
const EPSILON = 1e-7;

function makeBottles(n) {
  const xs = [];
  const ys = [];
  for (let i = 0; i < n; i++) {
    const x = rng.array(N_FEATURES, () => rng.normal(0, 1));
    const score = 1.5 * x[0] - 1.2 * x[1] + 0.8 * x[2] * x[3] + Math.abs(x[4]) - 0.8;
    xs.push(x);
    ys.push([score > 0 ? 1 : 0]);
  }
  return { xs, ys };
}

function binaryCrossentropy(yTrue, yPred) {
  const positive = yTrue.mul(tf.log(yPred).add(EPSILON));
  const negative = tf.sub(1, yTrue).mul(tf.log(tf.sub(1, yPred)).add(EPSILON));
  return positive.add(negative).neg().mean();
}

async function main() {
  await tf.setBackend('wasm');

  const train = makeBottles(N_TRAIN);
  const test = makeBottles(N_TEST);
  const xTrain = tf.tensor2d(train.xs, [N_TRAIN, N_FEATURES]);
  const yTrain = tf.tensor2d(train.ys, [N_TRAIN, 1]);
  const xTest = tf.tensor2d(test.xs, [N_TEST, N_FEATURES]);
  const yTest = tf.tensor2d(test.ys, [N_TEST, 1]);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [N_FEATURES] }));
  model.add(tf.layers.dense({ units: 16, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 1, activation: 'sigmoid' }));
  model.compile({ optimizer: tf.train.adam(0.01), loss: binaryCrossentropy, metrics: ['accuracy'] });

  const history = await model.fit(xTrain, yTrain, { epochs: EPOCHS, batchSize: 32, shuffle: true, verbose: 0 });
  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testAcc] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
