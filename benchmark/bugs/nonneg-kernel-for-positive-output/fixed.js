'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(6042);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Delivery-time estimate (minutes) for a food-delivery app from six order features: distance,
// number of items, traffic index, rain, express service and the courier's years of experience.
// Features are standardized with the training set's statistics; a small MLP regresses the
// minutes directly, trained with a mini-batch Adam loop. Delivery times are always positive.
const FEATURES = ['distanceKm', 'items', 'traffic', 'rain', 'express', 'experienceYears'];
const N_TRAIN = 1200;
const N_TEST = 400;
const EPOCHS = 40;
const BATCH_SIZE = 32;

function makeOrders(n) {
  const xs = [];
  const ys = [];
  for (let i = 0; i < n; i++) {
    const distanceKm = rng.uniform(0.5, 15);
    const items = rng.int(1, 11);
    const traffic = rng.uniform(0, 1);
    const rain = rng.random() < 0.25 ? 1 : 0;
    const express = rng.random() < 0.3 ? 1 : 0;
    const experienceYears = rng.uniform(0, 10);
    const minutes = 18 + 2.5 * distanceKm + 1.2 * items + 15 * traffic + 6 * rain - 8 * express - 0.9 * experienceYears + rng.normal(0, 1.5);
    xs.push([distanceKm, items, traffic, rain, express, experienceYears]);
    ys.push([Math.max(minutes, 3)]);
  }
  return { xs, ys };
}

function standardizer(rows) {
  const mean = FEATURES.map((_, j) => rows.reduce((s, r) => s + r[j], 0) / rows.length);
  const std = FEATURES.map((_, j) => Math.sqrt(rows.reduce((s, r) => s + (r[j] - mean[j]) ** 2, 0) / rows.length));
  return (r) => r.map((v, j) => (v - mean[j]) / std[j]);
}

async function main() {
  await tf.setBackend('wasm');

  const train = makeOrders(N_TRAIN);
  const test = makeOrders(N_TEST);
  const scale = standardizer(train.xs);
  const xTrain = tf.tensor2d(train.xs.map(scale), [N_TRAIN, FEATURES.length]);
  const yTrain = tf.tensor2d(train.ys, [N_TRAIN, 1]);
  const xTest = tf.tensor2d(test.xs.map(scale), [N_TEST, FEATURES.length]);
  const yTest = tf.tensor2d(test.ys, [N_TEST, 1]);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [FEATURES.length] }));
  model.add(tf.layers.dense({ units: 16, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 1 }));

  const optimizer = tf.train.adam(0.01);
  const kernels = model.layers.map((layer) => layer.kernel);
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
        return optimizer.minimize(() => tf.losses.meanSquaredError(yb, model.apply(xb, { training: true })), true);
      });
      epochLoss += cost.dataSync()[0] / numBatches;
      cost.dispose();
    }
    losses.push(epochLoss);
  }

  const evaluate = (x, y) =>
    tf.tidy(() => {
      const pred = model.predict(x);
      return [tf.losses.meanSquaredError(y, pred).dataSync()[0], tf.metrics.meanAbsoluteError(y, pred).mean().dataSync()[0]];
    });
  const [trainLoss, trainMae] = evaluate(xTrain, yTrain);
  const [testLoss, testMae] = evaluate(xTest, yTest);
  const targetStd = tf.tidy(() => Math.sqrt(tf.moments(yTest).variance.dataSync()[0]));
  console.log(`loss ${losses[0].toFixed(2)} -> ${losses[losses.length - 1].toFixed(2)} mse ${trainLoss.toFixed(2)} mae ${trainMae.toFixed(2)} min | test mse ${testLoss.toFixed(2)} test mae ${testMae.toFixed(2)} min (target std ${targetStd.toFixed(2)} min)`);
}

main();
