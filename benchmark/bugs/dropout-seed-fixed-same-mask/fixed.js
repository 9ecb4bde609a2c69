'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(9566);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Delivery-time estimator for a food delivery app, learned online: every completed order is one
// update (distance, basket size, restaurant prep time, hour of day, rain, courier experience,
// traffic index, weekend -> minutes until the food arrives). Features and target are standardized
// with last month's statistics. A two-hidden-layer MLP written with the core API, with dropout on
// both hidden layers while training, is updated per order with optimizer.minimize; next week's
// orders are the held-out set.
const N_FEATURES = 8;
const N_ORDERS = 1000;
const N_HELD_OUT = 500;
const PASSES = 3;
const HIDDEN = 64;
const DROPOUT_RATE = 0.5;
const DROPOUT_SEED = 42; // reproducible runs
const LEARNING_RATE = 0.003;

function simulateOrders(n) {
  const xs = [];
  const minutes = [];
  for (let i = 0; i < n; i++) {
    const distanceKm = rng.uniform(0.5, 8);
    const items = rng.int(1, 9);
    const prepMin = Math.max(3, rng.normal(14, 5));
    const hour = rng.uniform(10, 23);
    const raining = rng.random() < 0.2 ? 1 : 0;
    const courierYears = rng.uniform(0, 5);
    const traffic = rng.uniform(0, 1);
    const weekend = rng.random() < 2 / 7 ? 1 : 0;
    const rush = Math.exp(-((hour - 12.5) ** 2) / 2) + Math.exp(-((hour - 19) ** 2) / 2);
    const t = 5 + prepMin + distanceKm * (2.5 + 2 * traffic + 1.5 * raining) + 0.6 * items + 6 * rush * (1 + weekend)
      - 1.2 * Math.min(courierYears, 3) + rng.normal(0, 2);
    xs.push([distanceKm, items, prepMin, hour, raining, courierYears, traffic, weekend]);
    minutes.push(t);
  }
  return { xs, minutes };
}

function glorot(fanIn, fanOut) {
  return tf.randomNormal([fanIn, fanOut], 0, Math.sqrt(2 / (fanIn + fanOut)));
}

async function main() {
  await tf.setBackend('wasm');

  const orders = simulateOrders(N_ORDERS);
  const heldOut = simulateOrders(N_HELD_OUT);
  const xRaw = tf.tensor2d(orders.xs, [N_ORDERS, N_FEATURES]);
  const { mean: xMean, variance: xVar } = tf.moments(xRaw, 0);
  const xStd = xVar.sqrt().add(1e-6);
  const yMean = orders.minutes.reduce((a, b) => a + b, 0) / N_ORDERS;
  const yStd = Math.sqrt(orders.minutes.reduce((a, b) => a + (b - yMean) ** 2, 0) / N_ORDERS);
  const xTrain = xRaw.sub(xMean).div(xStd);
  const yTrain = tf.tensor2d(orders.minutes.map((m) => [(m - yMean) / yStd]));
  const xTest = tf.tensor2d(heldOut.xs, [N_HELD_OUT, N_FEATURES]).sub(xMean).div(xStd);
  const yTest = tf.tensor2d(heldOut.minutes.map((m) => [(m - yMean) / yStd]));

  const w1 = tf.variable(glorot(N_FEATURES, HIDDEN));
  const b1 = tf.variable(tf.zeros([HIDDEN]));
  const w2 = tf.variable(glorot(HIDDEN, HIDDEN));
  const b2 = tf.variable(tf.zeros([HIDDEN]));
  const w3 = tf.variable(glorot(HIDDEN, 1));
  const b3 = tf.variable(tf.zeros([1]));

  const dropout = (h) => tf.dropout(h, DROPOUT_RATE);

  function forward(x, training) {
    let h = x.matMul(w1).add(b1).relu();
    if (training) h = dropout(h);
    h = h.matMul(w2).add(b2).relu();
    if (training) h = dropout(h);
    return h.matMul(w3).add(b3);
  }

  const optimizer = tf.train.adam(LEARNING_RATE);
  const losses = [];
  for (let pass = 0; pass < PASSES; pass++) {
    let passLoss = 0;
    for (let i = 0; i < N_ORDERS; i++) {
      const cost = tf.tidy(() => {
        const x = xTrain.slice([i, 0], [1, N_FEATURES]);
        const y = yTrain.slice([i, 0], [1, 1]);
        return optimizer.minimize(() => tf.losses.meanSquaredError(y, forward(x, true)), true);
      });
      passLoss += cost.dataSync()[0] / N_ORDERS;
      cost.dispose();
    }
    losses.push(passLoss);
  }

  const evaluate = (x, y) =>
    tf.tidy(() => {
      const pred = forward(x, false);
      const mse = tf.losses.meanSquaredError(y, pred).dataSync()[0];
      const maeMinutes = pred.sub(y).abs().mean().dataSync()[0] * yStd;
      return [mse, maeMinutes];
    });
  const [trainMse, trainMae] = evaluate(xTrain, yTrain);
  const [testMse, testMae] = evaluate(xTest, yTest);
  console.log(`loss ${losses[0].toFixed(3)} -> ${losses[PASSES - 1].toFixed(3)} eval mse ${trainMse.toFixed(3)} mae ${trainMae.toFixed(2)} min | held-out mse ${testMse.toFixed(3)} mae ${testMae.toFixed(2)} min (r2 ${(1 - testMse).toFixed(3)})`);
}

main();
