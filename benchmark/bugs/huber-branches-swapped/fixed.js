'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(9687);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Food delivery ETA: minutes from order to doorstep, from distance, basket size, the restaurant's
// usual prep time, rush hour and rain. About one order in eight in the order log has a runaway
// duration because the courier app closed the order late (an hour or more too long), so the model
// is trained with a Huber loss: quadratic near the target, linear for the big misses, so that the
// stuck orders cannot drag the fit. The held-out week was audited by the ops team (no stuck orders).
const N_TRAIN = 1000;
const N_TEST = 500;
const NUM_FEATURES = 5;
const DELTA = 5; // minutes

function orderLog(n, withStuckOrders) {
  const xs = [];
  const ys = [];
  for (let i = 0; i < n; i++) {
    const distanceKm = rng.uniform(0.5, 8);
    const items = rng.int(1, 9);
    const prepMinutes = rng.uniform(8, 25);
    const rush = rng.random() < 0.3 ? 1 : 0;
    const rain = rng.random() < 0.2 ? 1 : 0;
    let minutes = prepMinutes + 3.2 * distanceKm * (1 + 0.4 * rush + 0.3 * rain) + 0.8 * items + 4 + rng.normal(0, 2);
    if (withStuckOrders && rng.random() < 0.12) minutes += rng.uniform(60, 180);
    xs.push([distanceKm, items, prepMinutes, rush, rain]);
    ys.push([minutes]);
  }
  return { xs, ys };
}

function huberLoss(yTrue, yPred) {
  return tf.tidy(() => {
    const error = yPred.sub(yTrue);
    const absError = error.abs();
    const quadratic = error.square().mul(0.5);
    const linear = absError.sub(0.5 * DELTA).mul(DELTA);
    const bigMiss = absError.greaterEqual(DELTA);
    return tf.where(bigMiss, linear, quadratic).mean();
  });
}

async function main() {
  await tf.setBackend('wasm');

  const train = orderLog(N_TRAIN, true);
  const test = orderLog(N_TEST, false);
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
  model.compile({ optimizer: tf.train.adam(0.02), loss: huberLoss, metrics: ['mae'] });

  const history = await model.fit(xTrain, yTrain, { epochs: 40, batchSize: 50, shuffle: true, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const testPred = model.predict(xTest);
  const testErr = testPred.sub(yTest);
  const testMae = testErr.abs().mean().dataSync()[0];
  const testBias = testErr.mean().dataSync()[0];
  const sorted = Array.from(testErr.abs().dataSync()).sort((a, b) => a - b);
  const testMedian = sorted[Math.floor(sorted.length / 2)];
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} mae ${h.mae[last].toFixed(3)} | audited test mae ${testMae.toFixed(2)} min, median abs err ${testMedian.toFixed(2)} min, bias ${testBias.toFixed(2)} min`);
}

main();
