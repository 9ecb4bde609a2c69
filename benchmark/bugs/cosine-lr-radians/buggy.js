'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(2291);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Delivery-time regression: 10 standardized order/route features, target is a smooth nonlinear
// function of them plus a little noise. MLP trained with plain SGD and a cosine learning-rate
// schedule applied at the start of every epoch.
const NUM_FEATURES = 10;
const N_TRAIN = 1500;
const N_TEST = 400;
const EPOCHS = 20;
const BASE_LR = 0.12;

function cosineLr(epoch) {
  return BASE_LR * 0.5 * (1 + Math.cos(epoch));
}

function deliveryTime(f) {
  return 2 * f[0] - f[1] + 0.8 * f[2] * f[3] + Math.sin(2 * f[4]) + 0.5 * f[5] * f[5] - Math.abs(f[6]) + 0.5 * f[7];
}

function makeOrders(n) {
  const xs = [];
  const ys = [];
  for (let i = 0; i < n; i++) {
    const f = rng.array(NUM_FEATURES, () => rng.normal(0, 1));
    xs.push(f);
    ys.push([deliveryTime(f) + rng.normal(0, 0.1)]);
  }
  return { xs, ys };
}

async function main() {
  await tf.setBackend('wasm');

  const train = makeOrders(N_TRAIN);
  const test = makeOrders(N_TEST);
  const xTrain = tf.tensor2d(train.xs, [N_TRAIN, NUM_FEATURES]);
  const yTrain = tf.tensor2d(train.ys, [N_TRAIN, 1]);
  const xTest = tf.tensor2d(test.xs, [N_TEST, NUM_FEATURES]);
  const yTest = tf.tensor2d(test.ys, [N_TEST, 1]);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 64, activation: 'relu', inputShape: [NUM_FEATURES] }));
  model.add(tf.layers.dense({ units: 32, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 1 }));

  const optimizer = tf.train.sgd(BASE_LR);
  model.compile({ optimizer, loss: 'meanSquaredError', metrics: ['mae'] });

  const history = await model.fit(xTrain, yTrain, {
    epochs: EPOCHS,
    batchSize: 32,
    shuffle: true,
    verbose: 0,
    callbacks: {
      onEpochBegin: async (epoch) => {
        optimizer.setLearningRate(cosineLr(epoch));
      },
    },
  });

  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testMae] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} mae ${h.mae[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test mae ${testMae.toFixed(3)}`);
}

main();
