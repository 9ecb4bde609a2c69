'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(9593);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Daily heating energy (kWh) of office buildings from floor area, insulation, outside temperature,
// occupancy and a few building attributes. The job runs on a shared CI worker, so training gets a
// wall-clock budget: up to MAX_EPOCHS epochs, but stop early once TIME_BUDGET is used up.
// Buildings metered in the following month are the held-out set.
const N_TRAIN = 2000;
const N_TEST = 600;
const NUM_FEATURES = 8;
const MAX_EPOCHS = 40;
const BATCH_SIZE = 32;
const TIME_BUDGET = 120; // seconds

function meterBuildings(n) {
  const xs = [];
  const ys = [];
  for (let i = 0; i < n; i++) {
    const area = rng.uniform(200, 3000); // m^2
    const uValue = rng.uniform(0.2, 1.6); // W/m^2K, wall insulation
    const outsideTemp = rng.uniform(-12, 16); // degC
    const setpoint = rng.uniform(19, 23); // degC
    const occupancy = rng.uniform(0, 1); // fraction of desks in use
    const glazing = rng.uniform(0.1, 0.6); // window-to-wall ratio
    const floors = rng.int(1, 8);
    const age = rng.uniform(0, 60); // years
    const deltaT = Math.max(setpoint - outsideTemp, 0);
    const envelope = Math.sqrt(area * floors) * 4 * (1 + glazing);
    const losses = (uValue * (1 + 0.008 * age) * envelope * deltaT * 24) / 1000;
    const gains = 0.04 * area * occupancy;
    const kwh = Math.max(losses - gains, 0) + rng.normal(0, 4);
    xs.push([area, uValue, outsideTemp, setpoint, occupancy, glazing, floors, age]);
    ys.push([kwh]);
  }
  return { xs, ys };
}

async function main() {
  await tf.setBackend('wasm');

  const train = meterBuildings(N_TRAIN);
  const test = meterBuildings(N_TEST);
  const xTrainRaw = tf.tensor2d(train.xs, [N_TRAIN, NUM_FEATURES]);
  const yTrain = tf.tensor2d(train.ys, [N_TRAIN, 1]);
  const xTestRaw = tf.tensor2d(test.xs, [N_TEST, NUM_FEATURES]);
  const yTest = tf.tensor2d(test.ys, [N_TEST, 1]);

  const { mean, variance } = tf.moments(xTrainRaw, 0);
  const std = variance.sqrt().add(1e-6);
  const xTrain = xTrainRaw.sub(mean).div(std);
  const xTest = xTestRaw.sub(mean).div(std);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 64, activation: 'relu', inputShape: [NUM_FEATURES] }));
  model.add(tf.layers.dense({ units: 32, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 1 }));
  model.compile({ optimizer: tf.train.adam(0.005), loss: 'meanSquaredError', metrics: ['mae'] });

  // stop at the end of the batch that uses up the time budget
  const start = Date.now();
  let stoppedEarly = false;
  const timeBudget = {
    onBatchEnd: async () => {
      if (Date.now() - start > TIME_BUDGET) {
        stoppedEarly = true;
        model.stopTraining = true;
      }
    },
  };

  const history = await model.fit(xTrain, yTrain, {
    epochs: MAX_EPOCHS,
    batchSize: BATCH_SIZE,
    shuffle: true,
    verbose: 0,
    callbacks: [timeBudget],
  });

  const h = history.history;
  const last = h.loss.length - 1;
  const seconds = (Date.now() - start) / 1000;
  const [testLoss, testMae] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  console.log(`epochs ${h.loss.length}${stoppedEarly ? ' (time budget)' : ''} in ${seconds.toFixed(1)}s loss ${h.loss[0].toFixed(2)} -> ${h.loss[last].toFixed(2)} mae ${h.mae[last].toFixed(2)} | test loss ${testLoss.toFixed(2)} test mae ${testMae.toFixed(2)}`);
}

main();
