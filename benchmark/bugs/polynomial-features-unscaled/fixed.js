'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(4471);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Daily electricity use of an office building (MWh) against the day's mean outdoor temperature
// (0..40 °C): heating on cold days, air conditioning on hot days, a flat base load in between.
// The temperature is expanded into polynomial features (t, t^2, t^3) for a small MLP.
const T_MAX = 40;
const DEGREE = 3;
const N_TRAIN = 500;
const N_TEST = 200;

function buildingLoad(tempC) {
  return 3 + 0.012 * Math.max(0, 16 - tempC) ** 2 + 0.02 * Math.max(0, tempC - 21) ** 2;
}

function polyFeatures(x) {
  return Array.from({ length: DEGREE }, (_, k) => x ** (k + 1));
}

function makeDays(n) {
  const xs = [];
  const ys = [];
  for (let i = 0; i < n; i++) {
    const tempC = rng.uniform(0, T_MAX);
    xs.push(polyFeatures(tempC / T_MAX));
    ys.push([buildingLoad(tempC) + rng.normal(0, 0.3)]);
  }
  return { xs, ys };
}

async function main() {
  await tf.setBackend('wasm');

  const train = makeDays(N_TRAIN);
  const test = makeDays(N_TEST);

  const xTrain = tf.tensor2d(train.xs, [N_TRAIN, DEGREE]);
  const yTrain = tf.tensor2d(train.ys, [N_TRAIN, 1]);
  const xTest = tf.tensor2d(test.xs, [N_TEST, DEGREE]);
  const yTest = tf.tensor2d(test.ys, [N_TEST, 1]);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 16, activation: 'relu', inputShape: [DEGREE] }));
  model.add(tf.layers.dense({ units: 16, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 1 }));
  model.compile({ optimizer: tf.train.adam(0.01), loss: 'meanSquaredError', metrics: ['mae'] });

  const history = await model.fit(xTrain, yTrain, { epochs: 60, batchSize: 32, shuffle: true, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testMae] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} mae ${h.mae[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test mae ${testMae.toFixed(3)}`);
}

main();
