'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(9557);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Energy use of an office building per hour (kWh) from the outdoor temperature, humidity, hour of
// day, weekday flag and occupancy. A small MLP trained in a custom loop with Adam; the learning
// rate is ramped up linearly over the first WARMUP_STEPS updates so the first noisy batches do
// not knock the fresh weights around, then held at BASE_LR.
const N_TRAIN = 2000;
const N_TEST = 500;
const NUM_FEATURES = 6;
const EPOCHS = 20;
const BATCH_SIZE = 50;
const BASE_LR = 0.01;
const WARMUP_STEPS = 100;

function readMeter(n) {
  const xs = [];
  const ys = [];
  for (let i = 0; i < n; i++) {
    const temp = rng.uniform(-5, 35);
    const humidity = rng.uniform(20, 90);
    const hour = rng.int(0, 24);
    const weekday = rng.random() < 5 / 7 ? 1 : 0;
    const open = weekday && hour >= 8 && hour < 19;
    const occupancy = open ? rng.int(80, 300) : rng.int(0, 15);
    const hvac = 0.9 * Math.max(temp - 22, 0) ** 1.3 + 1.2 * Math.max(16 - temp, 0) + 0.05 * humidity * (temp > 24 ? 1 : 0);
    const kwh = 30 + 0.25 * occupancy + (open ? 1 : 0.3) * hvac + rng.normal(0, 4);
    xs.push([temp, humidity, Math.sin((2 * Math.PI * hour) / 24), Math.cos((2 * Math.PI * hour) / 24), weekday, occupancy]);
    ys.push([kwh / 100]);
  }
  return { xs, ys };
}

async function main() {
  await tf.setBackend('wasm');

  const train = readMeter(N_TRAIN);
  const test = readMeter(N_TEST);
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

  const optimizer = tf.train.adam(BASE_LR);
  const numBatches = Math.ceil(N_TRAIN / BATCH_SIZE);
  const epochLosses = [];
  let step = 0;

  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    const order = tf.util.createShuffledIndices(N_TRAIN);
    let lossSum = 0;
    for (let b = 0; b < numBatches; b++) {
      const idx = tf.tensor1d(Array.from(order.slice(b * BATCH_SIZE, (b + 1) * BATCH_SIZE)), 'int32');
      const xb = tf.gather(xTrain, idx);
      const yb = tf.gather(yTrain, idx);

      // linear warm-up
      optimizer.learningRate = BASE_LR * Math.min(1, step / WARMUP_STEPS);
      const lossT = optimizer.minimize(() => tf.losses.meanSquaredError(yb, model.predict(xb)), true);
      lossSum += lossT.dataSync()[0];
      step++;
      tf.dispose([idx, xb, yb, lossT]);
    }
    epochLosses.push(lossSum / numBatches);
  }

  const testPred = model.predict(xTest);
  const testMse = tf.losses.meanSquaredError(yTest, testPred).dataSync()[0];
  const testMaeKwh = testPred.sub(yTest).abs().mean().dataSync()[0] * 100;
  const baselineMse = yTest.sub(yTrain.mean()).square().mean().dataSync()[0];
  console.log(`loss ${epochLosses[0].toFixed(4)} -> ${epochLosses[EPOCHS - 1].toFixed(4)} | test mse ${testMse.toFixed(4)} (predict-mean baseline ${baselineMse.toFixed(4)}) test mae ${testMaeKwh.toFixed(1)} kWh`);
}

main();
