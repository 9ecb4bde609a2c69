'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(9622);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// House price regression (sale price in $1000s) from 10 listing attributes, in the spirit of the
// tfjs Boston-housing example: features standardized with the training statistics, an MLP
// trained with plain SGD, and a validation split watched by a reduce-on-plateau callback
// (tfjs has no built-in one), so the step size drops once the validation loss stalls.
const N_TRAIN = 1500;
const N_VAL = 400;
const N_TEST = 500;
const NUM_FEATURES = 10;

const EPOCHS = 40;
const LEARNING_RATE = 0.01;
const PATIENCE = 3;
const FACTOR = 0.5;
const MIN_LR = 1e-1;
const MIN_DELTA = 1e-3;

function makeListings(n) {
  const xs = [];
  const ys = [];
  for (let i = 0; i < n; i++) {
    const size = rng.normal(0, 1);
    const sqft = 1800 + 500 * size + rng.normal(0, 120);
    const rooms = Math.max(2, Math.round(5.5 + 1.2 * size + rng.normal(0, 0.6)));
    const baths = Math.max(1, Math.round(2 + 0.7 * size + rng.normal(0, 0.4)));
    const lot = Math.max(1000, 6000 + 1800 * size + rng.normal(0, 1200));
    const age = rng.uniform(0, 80);
    const crime = Math.exp(rng.normal(0.5, 0.8));
    const school = rng.uniform(1, 10);
    const distance = rng.uniform(1, 30);
    const garage = rng.int(0, 3);
    const renovated = rng.random() < 0.3 ? 1 : 0;
    xs.push([sqft, rooms, baths, lot, age, crime, school, distance, garage, renovated]);
    const price = 60 + 0.09 * sqft + 6 * baths + 0.002 * lot - 0.5 * age + (renovated ? 0.35 * age : 0)
      - 12 * Math.log(crime) + 9 * school - 2.2 * distance + 0.035 * distance * distance + 8 * garage;
    ys.push([price + rng.normal(0, 18)]);
  }
  return { xs, ys };
}

async function main() {
  await tf.setBackend('wasm');

  const train = makeListings(N_TRAIN);
  const val = makeListings(N_VAL);
  const test = makeListings(N_TEST);
  const xTrainRaw = tf.tensor2d(train.xs, [N_TRAIN, NUM_FEATURES]);
  const { mean, variance } = tf.moments(xTrainRaw, 0);
  const std = variance.sqrt();
  const standardize = (rows) => tf.tensor2d(rows, [rows.length, NUM_FEATURES]).sub(mean).div(std);
  const xTrain = standardize(train.xs);
  const xVal = standardize(val.xs);
  const xTest = standardize(test.xs);
  const yTrain = tf.tensor2d(train.ys, [N_TRAIN, 1]);
  const yVal = tf.tensor2d(val.ys, [N_VAL, 1]);
  const yTest = tf.tensor2d(test.ys, [N_TEST, 1]);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 50, activation: 'sigmoid', inputShape: [NUM_FEATURES] }));
  model.add(tf.layers.dense({ units: 50, activation: 'sigmoid' }));
  model.add(tf.layers.dense({ units: 1 }));
  const optimizer = tf.train.sgd(LEARNING_RATE);
  model.compile({ optimizer, loss: 'meanSquaredError', metrics: ['mae'] });

  let lr = LEARNING_RATE;
  let bestValLoss = Infinity;
  let wait = 0;
  const reduceLrOnPlateau = {
    onEpochEnd: async (epoch, logs) => {
      if (logs.val_loss < bestValLoss - MIN_DELTA) {
        bestValLoss = logs.val_loss;
        wait = 0;
      } else if (++wait >= PATIENCE) {
        lr = Math.max(lr * FACTOR, MIN_LR);
        optimizer.setLearningRate(lr);
        wait = 0;
      }
    },
  };

  const history = await model.fit(xTrain, yTrain, { epochs: EPOCHS, batchSize: 32, shuffle: true, validationData: [xVal, yVal], verbose: 0, callbacks: [reduceLrOnPlateau] });

  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testMae] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  console.log(`loss ${h.loss[0].toFixed(2)} -> ${h.loss[last].toFixed(2)} mae ${h.mae[last].toFixed(2)} val loss ${h.val_loss[last].toFixed(2)} lr ${lr} | test loss ${testLoss.toFixed(2)} test mae ${testMae.toFixed(2)}`);
}

main();
