'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(7808);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Robust regression: a price-like target that depends nonlinearly on 6 raw features, with 5% of
// the rows corrupted by heavy outliers (data-entry errors of +-10 to +-30). Huber loss keeps the
// outliers from dominating the fit the way mean squared error would.
const NUM_FEATURES = 6;
const OUTLIER_RATE = 0.05;

function makeSet(n) {
  const xs = [];
  const ys = [];
  const outlier = [];
  for (let i = 0; i < n; i++) {
    const area = rng.uniform(40, 250);      // m^2
    const rooms = rng.int(1, 7);
    const age = rng.uniform(0, 80);         // years
    const distance = rng.uniform(0.5, 30);  // km to centre
    const floor = rng.int(0, 15);
    const quality = rng.uniform(1, 10);
    let y = 1.5 + 0.02 * area + 0.3 * rooms - 0.02 * age + 2.5 * Math.exp(-distance / 6)
      + 0.25 * quality + 0.04 * floor + rng.normal(0, 0.3);
    const corrupted = rng.random() < OUTLIER_RATE;
    if (corrupted) y += (rng.random() < 0.5 ? -1 : 1) * rng.uniform(10, 30);
    xs.push([area, rooms, age, distance, floor, quality]);
    ys.push(y);
    outlier.push(corrupted);
  }
  return { xs, ys, outlier };
}

function median(values) {
  const s = [...values].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

async function main() {
  await tf.setBackend('wasm');
  const train = makeSet(1000);
  const test = makeSet(400);
  const mean = [];
  const std = [];
  for (let j = 0; j < NUM_FEATURES; j++) {
    const col = train.xs.map((r) => r[j]);
    mean.push(col.reduce((a, b) => a + b, 0) / col.length);
    std.push(Math.sqrt(col.reduce((a, b) => a + (b - mean[j]) ** 2, 0) / col.length));
  }
  const scale = (rows) => rows.map((r) => r.map((v, j) => (v - mean[j]) / std[j]));
  const xTrain = tf.tensor2d(scale(train.xs), [train.xs.length, NUM_FEATURES]);
  const yTrain = tf.tensor2d(train.ys, [train.ys.length, 1]);
  const xTest = tf.tensor2d(scale(test.xs), [test.xs.length, NUM_FEATURES]);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [NUM_FEATURES] }));
  model.add(tf.layers.dense({ units: 16, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 1 }));

  const optimizer = tf.train.adam(0.01);
  model.compile({ optimizer, loss: (yTrue, yPred) => tf.losses.huberLoss(yTrue, yPred) });

  const history = await model.fit(xTrain, yTrain, { epochs: 60, batchSize: 32, verbose: 0 });

  const losses = history.history.loss;
  const preds = model.predict(xTest).dataSync();
  const med = median(train.ys);
  const clean = test.ys.map((_, i) => i).filter((i) => !test.outlier[i]);
  const maeOn = (idx, pred) => idx.reduce((s, i) => s + Math.abs(test.ys[i] - pred(i)), 0) / idx.length;
  const all = test.ys.map((_, i) => i);
  const mae = maeOn(clean, (i) => preds[i]);
  const baseline = maeOn(clean, () => med);
  console.log(`loss ${losses[0].toFixed(3)} -> ${losses[losses.length - 1].toFixed(3)} | held-out MAE (inliers, n=${clean.length}) ${mae.toFixed(3)} vs predict-the-median ${baseline.toFixed(3)} | all rows ${maeOn(all, (i) => preds[i]).toFixed(3)} vs ${maeOn(all, () => med).toFixed(3)} after ${losses.length} epochs`);
}

main();
