'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(8406);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Predict pump failures from sensor readings. The training log arrives as CSV text
// (temperature, vibration, pressure, rpm, failed); here it is written from simulated readings.
// The trained model is then checked on fresh readings straight from the simulator.
const N_TRAIN = 1000;
const N_TEST = 400;

function simulate(n) {
  const features = [];
  const labels = [];
  for (let i = 0; i < n; i++) {
    const temperature = rng.normal(70, 10);
    const vibration = rng.normal(3, 1);
    const pressure = rng.normal(100, 15);
    const rpm = rng.normal(1500, 300);
    const risk = (temperature - 70) / 10 + (vibration - 3) - 0.5 * (pressure - 100) / 15 + rng.normal(0, 0.4);
    features.push([temperature, vibration, pressure, rpm]);
    labels.push(risk > 0 ? 1 : 0);
  }
  return { features, labels };
}

function makeLogCsv(n) {
  const { features, labels } = simulate(n);
  const lines = features.map((f, i) => [...f.map((v) => v.toFixed(2)), labels[i]].join(','));
  return ['temperature,vibration,pressure,rpm,failed', ...lines].join('\n');
}

function parseCsv(text) {
  const rows = text.trim().split('\n').slice(1).map((line) => line.split(','));
  const features = rows.map((cols) => cols.slice(0, 4).map(Number));
  const labels = rows.map((cols) => (Number(cols[4]) === 1 ? 1 : 0));
  return { features, labels };
}

async function main() {
  await tf.setBackend('wasm');

  const train = parseCsv(makeLogCsv(N_TRAIN));
  const test = simulate(N_TEST);

  // Standardize with the training log's statistics.
  const xRaw = tf.tensor2d(train.features, [N_TRAIN, 4]);
  const { mean, variance } = tf.moments(xRaw, 0);
  const std = variance.sqrt();
  const xTrain = xRaw.sub(mean).div(std);
  const yTrain = tf.tensor2d(train.labels, [N_TRAIN, 1]);
  const xTest = tf.tensor2d(test.features, [N_TEST, 4]).sub(mean).div(std);
  const yTest = tf.tensor2d(test.labels, [N_TEST, 1]);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 16, activation: 'relu', inputShape: [4] }));
  model.add(tf.layers.dense({ units: 1, activation: 'sigmoid' }));
  model.compile({ optimizer: tf.train.adam(0.01), loss: 'binaryCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(xTrain, yTrain, { epochs: 30, batchSize: 32, shuffle: true, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testAcc] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
