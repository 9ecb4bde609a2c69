'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(9513);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Net electrical output of a combined-cycle power plant from four ambient readings taken every
// hour: temperature (C), exhaust vacuum (cm Hg), ambient pressure (mbar) and relative humidity (%).
// Three weeks of hourly readings are standardized with the training statistics and a small MLP
// regresses the output in MW, centred and scaled by the training targets. The set is small, so
// every update uses the whole training set. The following week is held out.
const N_TRAIN = 500;
const N_TEST = 200;
const NUM_FEATURES = 4;
const EPOCHS = 400;

function readLog(n) {
  const xs = [];
  const ys = [];
  for (let i = 0; i < n; i++) {
    const temp = rng.uniform(2, 37);
    const vacuum = 25 + 1.2 * temp + rng.normal(0, 6);
    const pressure = rng.normal(1013, 6);
    const humidity = Math.min(100, Math.max(25, rng.normal(73, 14)));
    const mw = 497 - 1.8 * temp - 0.25 * vacuum + 0.06 * (pressure - 1013) - 0.15 * (humidity - 73)
      + 4 * Math.sin(temp / 6) + 0.002 * (humidity - 73) * (temp - 20) + rng.normal(0, 0.7);
    xs.push([temp, vacuum, pressure, humidity]);
    ys.push([mw]);
  }
  return { xs, ys };
}

async function main() {
  await tf.setBackend('wasm');

  const train = readLog(N_TRAIN);
  const test = readLog(N_TEST);
  const xTrainRaw = tf.tensor2d(train.xs, [N_TRAIN, NUM_FEATURES]);
  const xTestRaw = tf.tensor2d(test.xs, [N_TEST, NUM_FEATURES]);
  const yTrainRaw = tf.tensor2d(train.ys, [N_TRAIN, 1]);
  const yTestRaw = tf.tensor2d(test.ys, [N_TEST, 1]);

  const { mean, variance } = tf.moments(xTrainRaw, 0);
  const std = variance.sqrt().add(1e-6);
  const xTrain = xTrainRaw.sub(mean).div(std);
  const xTest = xTestRaw.sub(mean).div(std);
  const yStats = tf.moments(yTrainRaw, 0);
  const yStd = yStats.variance.sqrt();
  const yTrain = yTrainRaw.sub(yStats.mean).div(yStd);
  const yTest = yTestRaw.sub(yStats.mean).div(yStd);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 64, activation: 'relu', inputShape: [NUM_FEATURES] }));
  model.add(tf.layers.dense({ units: 64, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 1 }));
  const optimizer = tf.train.rmsprop(0.01, 0.0);
  model.compile({ optimizer, loss: 'meanSquaredError', metrics: ['mae'] });

  const history = await model.fit(xTrain, yTrain, { epochs: EPOCHS, batchSize: N_TRAIN, shuffle: true, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testMae] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  const mwScale = yStd.dataSync()[0];
  console.log(`loss ${h.loss[0].toFixed(4)} -> ${h.loss[last].toFixed(4)} mae ${h.mae[last].toFixed(4)} | test loss ${testLoss.toFixed(4)} test mae ${testMae.toFixed(4)} (${(testMae * mwScale).toFixed(2)} MW)`);
}

main();
