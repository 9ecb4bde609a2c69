'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(2718);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Regression: hourly electricity demand of an office building from 8 standardized weather and
// calendar features (temperature, humidity, hour-of-day encodings, ...). MLP trained with plain
// SGD and a triangular cyclical learning rate (Smith, 2017) updated before every batch: the rate
// ramps linearly from MIN_LR to MAX_LR and back over each cycle of 2 * HALF_CYCLE batches.
const NUM_FEATURES = 8;
const N_TRAIN = 1000;
const N_TEST = 400;
const MIN_LR = 0.015;
const MAX_LR = 0.15;
const HALF_CYCLE = 80;
const EPOCHS = 30;

function makeReadings(n) {
  const xs = [];
  const ys = [];
  for (let i = 0; i < n; i++) {
    const x = rng.array(NUM_FEATURES, () => rng.normal(0, 1));
    const demand = 2 * Math.sin(x[0]) + x[1] * x[2] - 0.5 * x[3] * x[3] + x[4] + 0.5 * x[5] + rng.normal(0, 0.2);
    xs.push(x);
    ys.push([demand]);
  }
  return { xs, ys };
}

async function main() {
  await tf.setBackend('wasm');

  const train = makeReadings(N_TRAIN);
  const test = makeReadings(N_TEST);
  const xTrain = tf.tensor2d(train.xs, [N_TRAIN, NUM_FEATURES]);
  const yTrain = tf.tensor2d(train.ys, [N_TRAIN, 1]);
  const xTest = tf.tensor2d(test.xs, [N_TEST, NUM_FEATURES]);
  const yTest = tf.tensor2d(test.ys, [N_TEST, 1]);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 64, activation: 'relu', inputShape: [NUM_FEATURES] }));
  model.add(tf.layers.dense({ units: 32, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 1 }));

  const optimizer = tf.train.sgd(MIN_LR);
  model.compile({ optimizer, loss: 'meanSquaredError', metrics: ['mae'] });

  let step = 0;
  const cyclicLr = {
    onBatchBegin: async () => {
      const cycle = Math.floor(step / (2 * HALF_CYCLE));
      const x = Math.abs(step / HALF_CYCLE - 2 * cycle - 1);
      optimizer.setLearningRate(MIN_LR + (MAX_LR - MIN_LR) * (1 - x));
      step++;
    },
  };

  const history = await model.fit(xTrain, yTrain, { epochs: EPOCHS, batchSize: 32, shuffle: true, verbose: 0, callbacks: [cyclicLr] });

  const h = history.history;
  const last = h.loss.length - 1;
  const best = Math.min(...h.loss);
  const [testLoss, testMae] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  console.log(`steps ${step} | loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} (best ${best.toFixed(3)}) mae ${h.mae[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test mae ${testMae.toFixed(3)}`);
}

main();
