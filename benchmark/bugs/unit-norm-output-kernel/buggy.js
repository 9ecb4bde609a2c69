'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(9506);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Daily electricity use of an office building (kWh) from the day's weather and occupancy.
// Features: mean outdoor temperature (C), relative humidity (%), occupancy (people),
// working day flag, daylight hours. Features are standardized with the training statistics;
// the target stays in kWh so the reported errors are directly readable.
const N_TRAIN = 1000;
const N_TEST = 400;
const N_FEATURES = 5;

function meterReadings(n) {
  const xs = [];
  const ys = [];
  for (let i = 0; i < n; i++) {
    const temp = rng.uniform(-5, 35);
    const humidity = rng.uniform(25, 90);
    const workday = rng.random() < 5 / 7 ? 1 : 0;
    const occupancy = workday ? rng.int(80, 260) : rng.int(0, 30);
    const daylight = rng.uniform(8, 16);
    // heating below 16 C, cooling above 22 C, plus base load and per-person load
    const hvac = 9 * Math.max(16 - temp, 0) + 11 * Math.max(temp - 22, 0) * (1 + humidity / 100);
    const kwh = 120 + hvac + 0.9 * occupancy + 40 * workday - 4 * daylight + rng.normal(0, 8);
    xs.push([temp, humidity, occupancy, workday, daylight]);
    ys.push([kwh]);
  }
  return { xs, ys };
}

async function main() {
  await tf.setBackend('wasm');

  const train = meterReadings(N_TRAIN);
  const test = meterReadings(N_TEST);
  const xTrainRaw = tf.tensor2d(train.xs, [N_TRAIN, N_FEATURES]);
  const yTrain = tf.tensor2d(train.ys, [N_TRAIN, 1]);
  const xTestRaw = tf.tensor2d(test.xs, [N_TEST, N_FEATURES]);
  const yTest = tf.tensor2d(test.ys, [N_TEST, 1]);

  const { mean, variance } = tf.moments(xTrainRaw, 0);
  const std = variance.sqrt().add(1e-6);
  const xTrain = xTrainRaw.sub(mean).div(std);
  const xTest = xTestRaw.sub(mean).div(std);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 64, activation: 'relu', inputShape: [N_FEATURES] }));
  model.add(tf.layers.dense({ units: 1, kernelConstraint: 'unitNorm' }));
  model.compile({ optimizer: tf.train.adam(0.02), loss: 'meanSquaredError', metrics: ['mae'] });

  // fit() in tfjs does not enforce layer constraints by itself, so re-apply them after every batch
  const enforceConstraints = {
    onBatchEnd: async () => {
      tf.tidy(() => model.trainableWeights.filter((w) => w.constraint != null).forEach((w) => w.write(w.constraint.apply(w.read()))));
    },
  };
  const history = await model.fit(xTrain, yTrain, { epochs: 40, batchSize: 32, shuffle: true, verbose: 0, callbacks: [enforceConstraints] });

  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testMae] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  console.log(`loss ${h.loss[0].toFixed(1)} -> ${h.loss[last].toFixed(1)} mae ${h.mae[last].toFixed(2)} | test loss ${testLoss.toFixed(1)} test mae ${testMae.toFixed(2)} (kWh)`);
}

main();
