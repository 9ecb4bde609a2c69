'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(9605);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Heating load (kWh/m2 per year) of residential buildings from their geometry: relative
// compactness, surface / wall / roof area, height, orientation, glazing area and glazing
// distribution. Features and target are standardized with the training statistics; the MLP is trained
// with plain SGD and a step-decay schedule (halve the rate every EPOCHS_PER_DROP epochs),
// applied at the start of every epoch.
const N_TRAIN = 1000;
const N_TEST = 300;
const NUM_FEATURES = 8;
const EPOCHS = 60;

// schedule config
const BASE_LR = 0.01;
const DROP = 0.5;
const EPOCHS_PER_DROP = 20;

function simulateBuildings(n) {
  const xs = [];
  const ys = [];
  for (let i = 0; i < n; i++) {
    const compactness = rng.uniform(0.62, 0.98);
    const surface = 500 + (0.98 - compactness) * 800 + rng.normal(0, 20);
    const wall = rng.uniform(245, 416);
    const roof = (surface - wall) / 2;
    const height = compactness > 0.75 ? 7 : 3.5;
    const orientation = rng.int(2, 6);
    const glazing = [0, 0.1, 0.25, 0.4][rng.int(0, 4)];
    const glazingDist = glazing === 0 ? 0 : rng.int(1, 6);
    const load = 6 + 2.6 * height + 28 * glazing * (1 + 0.3 * Math.sin(orientation)) + 0.02 * wall
      + 14 * Math.max(compactness - 0.75, 0) ** 0.5 - 0.01 * roof + 0.4 * glazingDist * glazing + rng.normal(0, 0.8);
    xs.push([compactness, surface, wall, roof, height, orientation, glazing, glazingDist]);
    ys.push([load]);
  }
  return { xs, ys };
}

async function main() {
  await tf.setBackend('wasm');

  const train = simulateBuildings(N_TRAIN);
  const test = simulateBuildings(N_TEST);
  const xTrainRaw = tf.tensor2d(train.xs, [N_TRAIN, NUM_FEATURES]);
  const yTrainRaw = tf.tensor2d(train.ys, [N_TRAIN, 1]);
  const xTestRaw = tf.tensor2d(test.xs, [N_TEST, NUM_FEATURES]);
  const yTestRaw = tf.tensor2d(test.ys, [N_TEST, 1]);

  // standardize features and target with the training statistics
  const { mean, variance } = tf.moments(xTrainRaw, 0);
  const std = variance.sqrt().add(1e-6);
  const xTrain = xTrainRaw.sub(mean).div(std);
  const xTest = xTestRaw.sub(mean).div(std);
  const yMean = yTrainRaw.mean().dataSync()[0];
  const yStd = tf.moments(yTrainRaw).variance.sqrt().dataSync()[0];
  const yTrain = yTrainRaw.sub(yMean).div(yStd);
  const yTest = yTestRaw.sub(yMean).div(yStd);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [NUM_FEATURES] }));
  model.add(tf.layers.dense({ units: 32, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 1 }));

  const optimizer = tf.train.sgd(BASE_LR);
  model.compile({ optimizer, loss: 'meanSquaredError', metrics: ['mae'] });

  // step decay: halve the learning rate every EPOCHS_PER_DROP epochs
  const stepDecay = {
    onEpochBegin: async (epoch) => {
      optimizer.setLearningRate(BASE_LR * Math.pow(DROP, epoch));
    },
  };

  const history = await model.fit(xTrain, yTrain, {
    epochs: EPOCHS,
    batchSize: 32,
    shuffle: true,
    verbose: 0,
    callbacks: [stepDecay],
  });

  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testMae] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} mae ${h.mae[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test mae ${(testMae * yStd).toFixed(2)} kWh/m2 (load std ${yStd.toFixed(2)})`);
}

main();
