'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(9596);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Hourly cooling load (kW) of an office building from the weather and the building's schedule:
// outdoor temperature (C), relative humidity (%), solar irradiance (W/m2), hour of day, weekday
// flag and occupancy (people). Features are standardized with the training statistics and the
// target is standardized too. The MLP is written with raw variables and a custom training loop
// so the dropout between the hidden layers is done by hand; the held-out hours are scored in kW.
const N_TRAIN = 1500;
const N_TEST = 500;
const NUM_FEATURES = 7;
const HIDDEN = 64;
const KEEP_PROB = 0.5;
const EPOCHS = 40;
const BATCH = 64;

function makeHours(n) {
  const xs = [];
  const ys = [];
  for (let i = 0; i < n; i++) {
    const hour = rng.int(0, 24);
    const weekday = rng.random() < 5 / 7 ? 1 : 0;
    const temp = rng.normal(24, 6) + 4 * Math.sin(((hour - 9) / 24) * 2 * Math.PI);
    const humidity = Math.min(100, Math.max(15, rng.normal(55, 15)));
    const solar = Math.max(0, 800 * Math.sin(((hour - 6) / 12) * Math.PI) + rng.normal(0, 60));
    const open = weekday && hour >= 8 && hour < 19;
    const occupancy = open ? Math.round(rng.uniform(150, 400)) : Math.round(rng.uniform(0, 15));
    const load = 40 + 6 * Math.max(temp - 18, 0) + 0.5 * Math.max(humidity - 50, 0) * (temp > 22 ? 1 : 0.2)
      + 0.08 * solar + 0.35 * occupancy + rng.normal(0, 8);
    xs.push([temp, humidity, solar, Math.sin((hour / 24) * 2 * Math.PI), Math.cos((hour / 24) * 2 * Math.PI), weekday, occupancy]);
    ys.push([load]);
  }
  return { xs, ys };
}

function initParams() {
  const he = (fanIn, fanOut) => tf.variable(tf.randomNormal([fanIn, fanOut], 0, Math.sqrt(2 / fanIn)));
  return {
    w1: he(NUM_FEATURES, HIDDEN),
    b1: tf.variable(tf.zeros([HIDDEN])),
    w2: he(HIDDEN, HIDDEN),
    b2: tf.variable(tf.zeros([HIDDEN])),
    w3: tf.variable(tf.randomNormal([HIDDEN, 1], 0, Math.sqrt(1 / HIDDEN))),
    b3: tf.variable(tf.zeros([1])),
  };
}

// inverted dropout: keep each unit with probability KEEP_PROB during training
function dropout(h, training) {
  if (training) {
    const mask = tf.randomUniform(h.shape).less(KEEP_PROB).cast('float32');
    return h.mul(mask).div(KEEP_PROB);
  }
  return h;
}

function forward(p, x, training) {
  const h1 = dropout(x.matMul(p.w1).add(p.b1).relu(), training);
  const h2 = dropout(h1.matMul(p.w2).add(p.b2).relu(), training);
  return h2.matMul(p.w3).add(p.b3);
}

async function main() {
  await tf.setBackend('wasm');
  const train = makeHours(N_TRAIN);
  const test = makeHours(N_TEST);
  const xTrainRaw = tf.tensor2d(train.xs, [N_TRAIN, NUM_FEATURES]);
  const xTestRaw = tf.tensor2d(test.xs, [N_TEST, NUM_FEATURES]);
  const yTrainKw = tf.tensor2d(train.ys, [N_TRAIN, 1]);
  const yTestKw = tf.tensor2d(test.ys, [N_TEST, 1]);

  const { mean, variance } = tf.moments(xTrainRaw, 0);
  const std = variance.sqrt().add(1e-6);
  const xTrain = xTrainRaw.sub(mean).div(std);
  const xTest = xTestRaw.sub(mean).div(std);
  const yMean = yTrainKw.mean().dataSync()[0];
  const yStd = tf.moments(yTrainKw).variance.sqrt().dataSync()[0];
  const yTrain = yTrainKw.sub(yMean).div(yStd);

  const params = initParams();
  const optimizer = tf.train.adam(0.003);
  const losses = [];
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    const order = tf.util.createShuffledIndices(N_TRAIN);
    let epochLoss = 0;
    let numBatches = 0;
    for (let start = 0; start < N_TRAIN; start += BATCH) {
      const idx = tf.tensor1d(Array.from(order.slice(start, start + BATCH)), 'int32');
      const xb = tf.gather(xTrain, idx);
      const yb = tf.gather(yTrain, idx);
      const cost = optimizer.minimize(() => tf.losses.meanSquaredError(yb, forward(params, xb, true)), true);
      epochLoss += cost.dataSync()[0];
      numBatches++;
      tf.dispose([cost, xb, yb, idx]);
    }
    losses.push(epochLoss / numBatches);
  }

  const maeKw = (x, yKw) =>
    tf.tidy(() => forward(params, x, false).mul(yStd).add(yMean).sub(yKw).abs().mean().dataSync()[0]);
  const trainMae = maeKw(xTrain, yTrainKw);
  const testMae = maeKw(xTest, yTestKw);
  const testStd = tf.moments(yTestKw).variance.sqrt().dataSync()[0];
  console.log(`loss ${losses[0].toFixed(3)} -> ${losses[losses.length - 1].toFixed(3)} mae ${trainMae.toFixed(2)} kW | test mae ${testMae.toFixed(2)} kW (test load std ${testStd.toFixed(1)} kW)`);
}

main();
