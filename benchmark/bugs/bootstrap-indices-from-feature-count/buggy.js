'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(9700);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Concrete compressive strength (MPa) from the mix design and the age of the test cylinder.
// Lab records: kg per m3 of cement, blast-furnace slag, fly ash, water, superplasticizer, coarse
// and fine aggregate, plus age in days. A bagged ensemble of small MLPs (each member trained on a
// bootstrap resample of the lab records, predictions averaged) is scored on a later batch of tests.
const N_TRAIN = 640;
const N_TEST = 300;
const NUM_FEATURES = 8;
const N_MEMBERS = 5;
const AGES = [1, 3, 7, 14, 28, 56, 90, 180, 365];

function labRecords(n) {
  const xs = [];
  const ys = [];
  for (let i = 0; i < n; i++) {
    const cement = rng.uniform(140, 540);
    const slag = rng.random() < 0.5 ? 0 : rng.uniform(20, 300);
    const flyAsh = rng.random() < 0.55 ? 0 : rng.uniform(40, 200);
    const water = rng.uniform(140, 230);
    const superplasticizer = rng.random() < 0.4 ? 0 : rng.uniform(2, 25);
    const coarse = rng.uniform(800, 1150);
    const fine = rng.uniform(600, 950);
    const age = AGES[rng.int(0, AGES.length)];
    const binder = cement + 0.7 * slag + 0.4 * flyAsh;
    const waterBinder = (water - 1.5 * superplasticizer) / binder;
    const strength28 = 110 * Math.exp(-1.6 * waterBinder);
    const maturity = Math.log(age + 1) / Math.log(29);
    const strength = strength28 * Math.min(1.25, 0.25 + 0.75 * maturity) + 0.004 * (coarse - 975) + rng.normal(0, 2.5);
    xs.push([cement, slag, flyAsh, water, superplasticizer, coarse, fine, age]);
    ys.push([Math.max(2, strength)]);
  }
  return { xs, ys };
}

function bootstrapSample(xs, ys) {
  const n = xs.shape[0];
  const idx = tf.tensor1d(rng.array(n, () => rng.int(0, xs.shape[1])), 'int32');
  return { xs: xs.gather(idx), ys: ys.gather(idx) };
}

async function main() {
  await tf.setBackend('wasm');

  const train = labRecords(N_TRAIN);
  const test = labRecords(N_TEST);
  const xTrainRaw = tf.tensor2d(train.xs, [N_TRAIN, NUM_FEATURES]);
  const yTrainMpa = tf.tensor2d(train.ys, [N_TRAIN, 1]);
  const xTestRaw = tf.tensor2d(test.xs, [N_TEST, NUM_FEATURES]);
  const yTest = tf.tensor2d(test.ys, [N_TEST, 1]);

  const { mean, variance } = tf.moments(xTrainRaw, 0);
  const std = variance.sqrt().add(1e-6);
  const xTrain = xTrainRaw.sub(mean).div(std);
  const xTest = xTestRaw.sub(mean).div(std);
  const yMean = yTrainMpa.mean();
  const yStd = tf.moments(yTrainMpa).variance.sqrt();
  const yTrain = yTrainMpa.sub(yMean).div(yStd);

  const members = [];
  const firstLosses = [];
  const lastLosses = [];
  for (let m = 0; m < N_MEMBERS; m++) {
    const bag = bootstrapSample(xTrain, yTrain);
    const model = tf.sequential();
    model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [NUM_FEATURES] }));
    model.add(tf.layers.dense({ units: 16, activation: 'relu' }));
    model.add(tf.layers.dense({ units: 1 }));
    model.compile({ optimizer: tf.train.adam(0.01), loss: 'meanSquaredError' });
    const history = await model.fit(bag.xs, bag.ys, { epochs: 40, batchSize: 32, shuffle: true, verbose: 0 });
    firstLosses.push(history.history.loss[0]);
    lastLosses.push(history.history.loss[history.history.loss.length - 1]);
    members.push(model);
  }

  const ensemblePredict = (x) => tf.tidy(() => tf.stack(members.map((model) => model.predict(x))).mean(0).mul(yStd).add(yMean));
  const rmse = (pred, y) => tf.tidy(() => pred.sub(y).square().mean().sqrt().dataSync()[0]);
  const trainRmse = rmse(ensemblePredict(xTrain), yTrainMpa);
  const testRmse = rmse(ensemblePredict(xTest), yTest);
  const testStd = tf.moments(yTest).variance.sqrt().dataSync()[0];
  const avg = (xs) => xs.reduce((a, b) => a + b, 0) / xs.length;
  console.log(`member loss ${avg(firstLosses).toFixed(3)} -> ${avg(lastLosses).toFixed(3)} | ensemble rmse train ${trainRmse.toFixed(2)} MPa, test ${testRmse.toFixed(2)} MPa (test std ${testStd.toFixed(2)} MPa)`);
}

main();
