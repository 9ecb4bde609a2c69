'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(9644);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Heating load of residential buildings (kWh per m2 and year) from eight design parameters:
// relative compactness, surface, wall and roof area, overall height, orientation, glazing area and
// glazing distribution, as produced by an energy simulation of many building shapes. Features are
// standardized with the training statistics; an MLP is trained with SGD and a polynomial
// learning-rate decay (power 0.9) over the run, set at the start of every epoch.
const NUM_FEATURES = 8;
const N_TRAIN = 1200;
const N_TEST = 400;
const EPOCHS = 40;
const BASE_LR = 1e-3;
const POWER = 0.9;

function simulate(n) {
  const xs = [];
  const ys = [];
  for (let i = 0; i < n; i++) {
    const compactness = rng.uniform(0.62, 0.98);
    const surface = 800 - 520 * (compactness - 0.62) / 0.36 + rng.normal(0, 20);
    const wall = rng.uniform(245, 416);
    const roof = rng.uniform(110, 220);
    const height = compactness > 0.75 ? 7 : 3.5;
    const orientation = rng.int(2, 6);
    const glazing = [0, 0.1, 0.25, 0.4][rng.int(0, 4)];
    const distribution = rng.int(0, 6);
    const load = 6 + 3.4 * height + 0.03 * (wall - 245) - 0.04 * (roof - 110) + 22 * glazing * (1 + 0.3 * Math.cos(orientation))
      + 8 * Math.max(0, compactness - 0.8) + 0.4 * (distribution > 0 ? 1 : 0) + rng.normal(0, 1);
    xs.push([compactness, surface, wall, roof, height, orientation, glazing, distribution]);
    ys.push([load]);
  }
  return { xs, ys };
}

async function main() {
  await tf.setBackend('wasm');

  const train = simulate(N_TRAIN);
  const test = simulate(N_TEST);
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
  const optimizer = tf.train.sgd(BASE_LR);
  model.compile({ optimizer, loss: 'meanSquaredError', metrics: ['mae'] });

  const polyDecay = {
    onEpochBegin: async (epoch) => {
      optimizer.setLearningRate(Math.pow(BASE_LR, 1 - epoch / EPOCHS));
    },
  };

  const history = await model.fit(xTrain, yTrain, {
    epochs: EPOCHS,
    batchSize: 16,
    shuffle: true,
    callbacks: [polyDecay],
    verbose: 0,
  });

  const h = history.history;
  const last = h.loss.length - 1;
  let best = 0;
  h.loss.forEach((l, i) => { if (l < h.loss[best]) best = i; });
  const [testLoss, testMae] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} (lowest ${h.loss[best].toFixed(3)} at epoch ${best + 1}) mae ${h.mae[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test mae ${testMae.toFixed(3)}`);
}

main();
