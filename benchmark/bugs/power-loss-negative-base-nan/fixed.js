'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(9598);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Delivery-time estimates for a food courier service: minutes from order to doorstep, predicted
// from the route distance (km), the number of items, the restaurant's current queue, the hour
// of day, rain, and the traffic index reported by the maps API. A few percent of the orders
// in the log are outliers (courier reassigned, customer not answering), so the model is
// trained with a power-1.5 loss, between MAE and MSE, which is less pulled by those orders.
// Last week's orders are the held-out set.
const N_TRAIN = 2000;
const N_TEST = 500;
const NUM_FEATURES = 6;
const LOSS_POWER = 1.5;

function orderLog(n) {
  const xs = [];
  const ys = [];
  for (let i = 0; i < n; i++) {
    const distance = rng.uniform(0.3, 9);
    const items = rng.int(1, 9);
    const queue = rng.int(0, 15);
    const hour = rng.int(10, 24);
    const rain = rng.random() < 0.2 ? 1 : 0;
    const traffic = rng.uniform(0.8, 2.0);
    const rush = hour >= 18 && hour <= 20 ? 6 : 0;
    let minutes = 8 + 3.2 * distance * traffic + 0.8 * items + 1.5 * queue + rush + 5 * rain + rng.normal(0, 2);
    if (rng.random() < 0.04) minutes += rng.uniform(20, 60);
    xs.push([distance, items, queue, hour, rain, traffic]);
    ys.push([minutes]);
  }
  return { xs, ys };
}

// power loss error^1.5: grows slower than MSE for the outlier orders
function robustLoss(yTrue, yPred) {
  return tf.tidy(() => tf.mean(tf.pow(tf.abs(tf.sub(yPred, yTrue)), LOSS_POWER)));
}

async function main() {
  await tf.setBackend('wasm');

  const train = orderLog(N_TRAIN);
  const test = orderLog(N_TEST);
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
  model.add(tf.layers.dense({ units: 1 }));
  model.compile({ optimizer: tf.train.adam(0.01), loss: robustLoss, metrics: ['mae'] });

  const history = await model.fit(xTrain, yTrain, { epochs: 40, batchSize: 64, shuffle: true, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const testMae = tf.tidy(() => tf.metrics.meanAbsoluteError(yTest, model.predict(xTest)).mean().dataSync()[0]);
  const testMedianAe = tf.tidy(() => {
    const errs = Array.from(tf.abs(tf.sub(model.predict(xTest), yTest)).dataSync()).sort((a, b) => a - b);
    return errs[Math.floor(errs.length / 2)];
  });
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} mae ${h.mae[last].toFixed(3)} | test mae ${testMae.toFixed(3)} test median abs error ${testMedianAe.toFixed(3)} min`);
}

main();
