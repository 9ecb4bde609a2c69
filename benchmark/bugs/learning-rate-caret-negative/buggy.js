'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(5318);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Used-car pricing: predict the log sale price (centred and scaled) of a car from 8 standardized
// listing features (age, mileage, engine power, brand tier, condition grade, owners, region
// demand, options count). Price falls with age and mileage, rises with power and tier, with a
// few interactions. Small MLP regression trained with model.fit and Adam.
const N_FEATURES = 8;
const N_TRAIN = 1200;
const N_TEST = 400;
const EPOCHS = 30;
const BATCH_SIZE = 32;
const LEARNING_RATE = 10 ^ -3;

function makeListings(n) {
  const xs = [];
  const ys = [];
  for (let i = 0; i < n; i++) {
    const x = rng.array(N_FEATURES, () => rng.normal(0, 1));
    const [age, mileage, power, tier, condition, owners, demand, options] = x;
    const price = -0.6 * age - 0.35 * mileage + 0.45 * power + 0.4 * tier + 0.3 * Math.tanh(condition) - 0.15 * owners + 0.2 * demand * tier + 0.1 * options - 0.15 * age * mileage + rng.normal(0, 0.1);
    xs.push(x);
    ys.push([price]);
  }
  return { xs, ys };
}

async function main() {
  await tf.setBackend('wasm');

  const train = makeListings(N_TRAIN);
  const test = makeListings(N_TEST);
  const xTrain = tf.tensor2d(train.xs, [N_TRAIN, N_FEATURES]);
  const yTrain = tf.tensor2d(train.ys, [N_TRAIN, 1]);
  const xTest = tf.tensor2d(test.xs, [N_TEST, N_FEATURES]);
  const yTest = tf.tensor2d(test.ys, [N_TEST, 1]);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [N_FEATURES] }));
  model.add(tf.layers.dense({ units: 16, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 1 }));
  model.compile({ optimizer: tf.train.adam(LEARNING_RATE), loss: 'meanSquaredError', metrics: ['mae'] });

  const history = await model.fit(xTrain, yTrain, { epochs: EPOCHS, batchSize: BATCH_SIZE, shuffle: true, verbose: 0 });
  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testMae] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  const targetVar = tf.tidy(() => tf.moments(yTest).variance.dataSync()[0]);
  console.log(`loss ${h.loss[0].toPrecision(4)} -> ${h.loss[last].toPrecision(4)} mae ${h.mae[last].toPrecision(4)} | test loss ${testLoss.toPrecision(4)} test mae ${testMae.toPrecision(4)} (test target variance ${targetVar.toFixed(3)})`);
}

main();
