'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(9651);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Daily heating energy of office buildings (MWh) from the building record and the weather:
// floor area, outdoor temperature, insulation rating, occupancy and window share.
// Small MLP trained with SGD + momentum. Momentum starts low while the weights are still far
// off and is ramped up over the first epochs (the usual momentum warm-up), then held.
// A later month of meter readings is kept aside as the held-out set.
const N_TRAIN = 1500;
const N_TEST = 500;
const NUM_FEATURES = 5;
const EPOCHS = 40;
const RAMP_EPOCHS = 10;
const MOMENTUM_START = 0.5;
const MOMENTUM_END = 0.99;

function readMeterLog(n) {
  const xs = [];
  const ys = [];
  for (let i = 0; i < n; i++) {
    const area = rng.uniform(800, 12000); // m^2
    const outdoor = rng.uniform(-15, 15); // deg C
    const insulation = rng.int(1, 6); // 1 (poor) .. 5 (passive house)
    const occupancy = rng.uniform(0.1, 1.0);
    const windows = rng.uniform(0.15, 0.6);
    const heatingDegrees = Math.max(18 - outdoor, 0);
    const loss = (1.4 - 0.22 * insulation) * (1 + 0.8 * windows);
    const energy = (area / 1000) * heatingDegrees * loss * 0.12 - 0.6 * occupancy + rng.normal(0, 0.4);
    xs.push([area, outdoor, insulation, occupancy, windows]);
    ys.push([Math.max(energy, 0)]);
  }
  return { xs, ys };
}

async function main() {
  await tf.setBackend('wasm');

  const train = readMeterLog(N_TRAIN);
  const test = readMeterLog(N_TEST);
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
  model.add(tf.layers.dense({ units: 32, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 1 }));
  const optimizer = tf.train.momentum(0.01, MOMENTUM_START);
  model.compile({ optimizer, loss: 'meanSquaredError', metrics: ['mae'] });

  // momentum warm-up: linear from MOMENTUM_START to MOMENTUM_END over RAMP_EPOCHS, then held
  const momentumWarmup = new tf.CustomCallback({
    onEpochBegin: async (epoch) => {
      const t = Math.min(epoch / RAMP_EPOCHS, 1);
      const momentum = MOMENTUM_START + (MOMENTUM_END - MOMENTUM_START) * t;
      optimizer.setMomentum(momentum);
    },
  });

  const history = await model.fit(xTrain, yTrain, {
    epochs: EPOCHS,
    batchSize: 32,
    shuffle: true,
    verbose: 0,
    callbacks: [momentumWarmup],
  });

  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testMae] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} mae ${h.mae[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test mae ${testMae.toFixed(3)}`);
}

main();
