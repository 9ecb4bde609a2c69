'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(9716);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Remaining-life planning for a fleet of screw compressors: predict how many days a compressor runs
// from installation to its first major failure, from its operating profile (load, duty hours per
// day, site temperature, model generation, baseline vibration, service interval). The training
// data is the maintenance system's export: for every compressor, the days in service and whether
// it has failed; compressors installed up to four years ago, many still running at the export.
// Evaluation: the previous fleet, retired after all of its units had run to failure.
const N_TRAIN = 3000;
const N_TEST = 1000;
const NUM_FEATURES = 6;
const EXPORT_WINDOW_DAYS = 1500;
const LIFE_SPREAD = 0.18;
const EPOCHS = 60;
const BATCH_SIZE = 64;

function logisticNoise() {
  const u = rng.uniform(1e-6, 1 - 1e-6);
  return Math.log(u / (1 - u));
}

function compressor() {
  const load = rng.uniform(40, 100);
  const dutyHours = rng.uniform(4, 24);
  const siteTemp = rng.normal(25, 7);
  const newModel = rng.random() < 0.5 ? 1 : 0;
  const vibration = Math.max(0.5, rng.normal(2.5, 0.7));
  const serviceDays = [90, 180, 365][rng.int(0, 3)];
  const logLife = 6.6 - 0.012 * (load - 70) - 0.03 * (dutyHours - 14) - 0.02 * (siteTemp - 25) + 0.3 * newModel - 0.25 * (vibration - 2.5) - 0.0015 * (serviceDays - 180) + LIFE_SPREAD * logisticNoise();
  return { features: [load, dutyHours, siteTemp, newModel, vibration, serviceDays], lifeDays: Math.exp(logLife) };
}

// the maintenance export: days in service up to the failure, or up to the export date
function maintenanceExport(n) {
  const xs = [];
  const ys = [];
  for (let i = 0; i < n; i++) {
    const c = compressor();
    const installedDaysAgo = rng.uniform(30, EXPORT_WINDOW_DAYS);
    const failed = c.lifeDays <= installedDaysAgo;
    const days = failed ? c.lifeDays : installedDaysAgo;
    xs.push(c.features);
    ys.push([Math.log(days), failed ? 1 : 0]);
  }
  return { xs, ys };
}

function retiredFleet(n) {
  const xs = [];
  const lifeDays = [];
  for (let i = 0; i < n; i++) {
    const c = compressor();
    xs.push(c.features);
    lifeDays.push(c.lifeDays);
  }
  return { xs, lifeDays };
}

// Log-logistic lifetime model (the usual accelerated-failure-time fit): the network outputs the
// location of log(days), i.e. the log of the median life; logScale is the learned spread.
function lifetimeNll(yTrue, location, logScale) {
  return tf.tidy(() => {
    const logDays = yTrue.slice([0, 0], [-1, 1]);
    const z = logDays.sub(location).div(logScale.exp());
    const logDensity = z.neg().sub(tf.softplus(z.neg()).mul(2)).sub(logScale);
    return tf.where(yTrue.slice([0, 1], [-1, 1]).greater(0.5), logDensity, tf.softplus(z).neg()).neg().mean();
  });
}

async function main() {
  await tf.setBackend('wasm');

  const train = maintenanceExport(N_TRAIN);
  const test = retiredFleet(N_TEST);
  const xTrainRaw = tf.tensor2d(train.xs, [N_TRAIN, NUM_FEATURES]);
  const yTrain = tf.tensor2d(train.ys, [N_TRAIN, 2]);
  const xTestRaw = tf.tensor2d(test.xs, [N_TEST, NUM_FEATURES]);

  const { mean, variance } = tf.moments(xTrainRaw, 0);
  const std = variance.sqrt().add(1e-6);
  const xTrain = xTrainRaw.sub(mean).div(std);
  const xTest = xTestRaw.sub(mean).div(std);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [NUM_FEATURES] }));
  model.add(tf.layers.dense({ units: 16, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 1 }));
  const logScale = tf.variable(tf.scalar(0));
  const optimizer = tf.train.adam(0.005);
  const numBatches = Math.ceil(N_TRAIN / BATCH_SIZE);
  const losses = [];
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    const order = tf.util.createShuffledIndices(N_TRAIN);
    let epochLoss = 0;
    for (let b = 0; b < numBatches; b++) {
      const batchIdx = Array.from(order.slice(b * BATCH_SIZE, (b + 1) * BATCH_SIZE));
      const cost = tf.tidy(() => {
        const idx = tf.tensor1d(batchIdx, 'int32');
        const xb = xTrain.gather(idx);
        const yb = yTrain.gather(idx);
        return optimizer.minimize(() => lifetimeNll(yb, model.apply(xb, { training: true }), logScale), true);
      });
      epochLoss += cost.dataSync()[0] / numBatches;
      cost.dispose();
    }
    losses.push(epochLoss);
  }

  const predicted = Array.from(model.predict(xTest).dataSync()).map(Math.exp);
  const ratios = predicted.map((p, i) => p / test.lifeDays[i]).sort((a, b) => a - b);
  const mae = predicted.reduce((s, p, i) => s + Math.abs(p - test.lifeDays[i]), 0) / N_TEST;
  const early = predicted.filter((p, i) => p < test.lifeDays[i]).length / N_TEST;
  const failedShare = train.ys.filter((y) => y[1] === 1).length / N_TRAIN;
  const meanLife = test.lifeDays.reduce((s, d) => s + d, 0) / N_TEST;
  console.log(`loss ${losses[0].toFixed(3)} -> ${losses[losses.length - 1].toFixed(3)} (export: ${(100 * failedShare).toFixed(0)}% failed) spread ${logScale.exp().dataSync()[0].toFixed(3)} | retired fleet: mean life ${meanLife.toFixed(0)} d, mae ${mae.toFixed(0)} d, median predicted/actual ${ratios[Math.floor(N_TEST / 2)].toFixed(2)}, predicted too early ${(100 * early).toFixed(0)}%`);
}

main();
