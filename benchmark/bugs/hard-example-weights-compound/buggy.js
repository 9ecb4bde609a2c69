'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(9698);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Pump failure within the next 24 h from telemetry: vibration, bearing and oil temperature, motor
// current, pressure, flow, hours since service and load. Most windows are easy (clearly healthy or
// clearly failing); the borderline ones are what matters, so the training loop does online
// hard-example reweighting: after every epoch each window's weight is multiplied by (1 + its
// current loss), and the next epoch trains on the weighted cross-entropy. Held out: next month.
const NUM_FEATURES = 8;
const N_TRAIN = 2000;
const N_TEST = 1000;
const BATCH = 64;
const EPOCHS = 20;

function telemetry(n) {
  const xs = [];
  const ys = [];
  for (let i = 0; i < n; i++) {
    const vibration = rng.uniform(0.5, 12); // mm/s
    const bearingTemp = rng.normal(65, 10); // C
    const oilTemp = bearingTemp - 10 + rng.normal(0, 4);
    const current = rng.normal(40, 6); // A
    const pressure = rng.uniform(2, 8); // bar
    const flow = pressure * 12 + rng.normal(0, 8); // m3/h
    const hoursSinceService = rng.uniform(0, 4000);
    const load = rng.uniform(0.3, 1.0);
    const wear = 0.35 * (vibration - 6) + 0.12 * (bearingTemp - 65) + 0.08 * (current - 40) * load + 0.0008 * (hoursSinceService - 2000) - 0.05 * (flow - pressure * 12);
    const risk = wear + 1.5 * Math.max(0, vibration - 9) * Math.max(0, bearingTemp - 70) / 10 + rng.normal(0, 0.3);
    xs.push([vibration, bearingTemp, oilTemp, current, pressure, flow, hoursSinceService, load]);
    ys.push([risk > 0.8 ? 1 : 0]);
  }
  return { xs, ys };
}

async function main() {
  await tf.setBackend('wasm');

  const train = telemetry(N_TRAIN);
  const test = telemetry(N_TEST);
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
  const optimizer = tf.train.momentum(0.02, 0.9);

  let sampleWeights = tf.ones([N_TRAIN, 1]);
  const numBatches = Math.floor(N_TRAIN / BATCH);
  const losses = [];
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    const order = tf.util.createShuffledIndices(N_TRAIN);
    let epochLoss = 0;
    for (let b = 0; b < numBatches; b++) {
      const batchLoss = tf.tidy(() => {
        const idx = tf.tensor1d(Int32Array.from(order.slice(b * BATCH, (b + 1) * BATCH)), 'int32');
        const xb = xTrain.gather(idx);
        const yb = yTrain.gather(idx);
        const wb = sampleWeights.gather(idx);
        const loss = optimizer.minimize(() => tf.losses.sigmoidCrossEntropy(yb, model.apply(xb), wb), true);
        return loss.dataSync()[0];
      });
      epochLoss += batchLoss / numBatches;
    }
    losses.push(epochLoss);

    // hard examples count more next epoch
    const newWeights = tf.tidy(() => {
      const perSample = tf.losses.sigmoidCrossEntropy(yTrain, model.predict(xTrain), undefined, 0, tf.Reduction.NONE);
      const boosted = sampleWeights.mul(perSample.add(1));
      return boosted;
    });
    sampleWeights.dispose();
    sampleWeights = newWeights;
  }

  const accuracy = (xs, ys) => tf.tidy(() => model.predict(xs).greater(0).toFloat().equal(ys).mean().dataSync()[0]);
  const recall = tf.tidy(() => model.predict(xTest).greater(0).toFloat().mul(yTest).sum().div(yTest.sum()).dataSync()[0]);
  const failRate = tf.tidy(() => yTest.mean().dataSync()[0]);
  const plainLoss = tf.tidy(() => tf.losses.sigmoidCrossEntropy(yTrain, model.predict(xTrain)).dataSync()[0]);
  console.log(`weighted loss ${losses[0].toFixed(3)} -> ${losses[EPOCHS - 1].toPrecision(4)} unweighted train loss ${plainLoss.toPrecision(4)} train acc ${accuracy(xTrain, yTrain).toFixed(3)} | next month acc ${accuracy(xTest, yTest).toFixed(3)} failure recall ${recall.toFixed(3)} (failure rate ${failRate.toFixed(3)})`);
}

main();
