'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(2417);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// End-of-line test of 1 MHz crystal oscillators: predict whether a unit passes final inspection
// from its measured output frequency (Hz), supply current (mA), start-up time (ms) and case
// temperature during the test (deg C). A unit passes when its frequency is within 4 Hz of the
// nominal 1 MHz, it starts up in under 5 ms and it does not draw too much current for how
// warm it ran.
const NOMINAL_HZ = 1000000;
const N_FEATURES = 4;
const N_TRAIN = 1000;
const N_TEST = 400;

function makeUnits(n) {
  const rows = [];
  const labels = [];
  for (let i = 0; i < n; i++) {
    const freqHz = NOMINAL_HZ + rng.normal(0, 4);
    const currentMa = rng.normal(1.5, 0.2);
    const startupMs = rng.uniform(1, 8);
    const caseTemp = rng.normal(35, 4);
    const pass = Math.abs(freqHz - NOMINAL_HZ) < 4 && startupMs < 5 && currentMa < 1.5 + 0.03 * (caseTemp - 35) + 0.2;
    rows.push([freqHz, currentMa, startupMs, caseTemp]);
    labels.push(pass ? 1 : 0);
  }
  return { rows, labels };
}

async function main() {
  await tf.setBackend('wasm');

  const train = makeUnits(N_TRAIN);
  const test = makeUnits(N_TEST);
  const xTrainRaw = tf.tensor2d(train.rows, [N_TRAIN, N_FEATURES]);
  const xTestRaw = tf.tensor2d(test.rows, [N_TEST, N_FEATURES]);
  const yTrain = tf.tensor2d(train.labels, [N_TRAIN, 1]);
  const yTest = tf.tensor2d(test.labels, [N_TEST, 1]);

  // Standardize every column with the training set's mean and standard deviation.
  const mean = xTrainRaw.mean(0);
  const variance = xTrainRaw.square().mean(0).sub(mean.square());
  const std = variance.sqrt();
  const xTrain = xTrainRaw.sub(mean).div(std);
  const xTest = xTestRaw.sub(mean).div(std);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [N_FEATURES] }));
  model.add(tf.layers.dense({ units: 16, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 1, activation: 'sigmoid' }));
  model.compile({ optimizer: tf.train.adam(0.01), loss: 'binaryCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(xTrain, yTrain, { epochs: 40, batchSize: 32, shuffle: true, verbose: 0 });
  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testAcc] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  const passRate = train.labels.reduce((a, b) => a + b, 0) / N_TRAIN;
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)} (pass rate ${passRate.toFixed(2)})`);
}

main();
