'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(9577);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Bearing-failure alerts for wind turbines: from one hour of SCADA aggregates, predict whether
// the main bearing trips within the next day. Trips are rare (a few percent of turbine-hours),
// so the classifier is trained with a focal loss that down-weights the many easy healthy hours.
// The model returns raw scores; the alerting service raises an alert when the score is above 0
// and calibrates the scores itself, so the held-out report thresholds the score at 0.
const N_TRAIN = 6000;
const N_TEST = 2000;
const FEATURES = ['bearingTemp', 'ambientTemp', 'vibrationRms', 'rotorRpm', 'powerKw', 'oilPressure', 'gearboxTemp', 'windSpeed'];
const ALPHA = 0.75;
const GAMMA = 2;
const EPS = 1e-7;

function sigmoid(z) {
  return 1 / (1 + Math.exp(-z));
}

function scadaHours(n) {
  const xs = [];
  const ys = [];
  for (let i = 0; i < n; i++) {
    const windSpeed = rng.uniform(3, 20);
    const rotorRpm = Math.min(16, 0.9 * windSpeed + rng.normal(0, 0.5));
    const powerKw = Math.min(2500, 4 * windSpeed ** 3 + rng.normal(0, 80));
    const ambientTemp = rng.normal(12, 8);
    const wear = Math.max(0, rng.normal(0, 1)); // hidden bearing wear
    const bearingTemp = ambientTemp + 25 + 1.2 * rotorRpm + 9 * wear + rng.normal(0, 2);
    const vibrationRms = 1.5 + 0.05 * rotorRpm + 1.4 * wear * wear + rng.normal(0, 0.3);
    const oilPressure = rng.normal(2.2, 0.2) - 0.15 * wear;
    const gearboxTemp = ambientTemp + 30 + 0.004 * powerKw + rng.normal(0, 3);
    const risk = 2.2 * (bearingTemp - ambientTemp - 1.2 * rotorRpm - 25) / 9 + 1.5 * (vibrationRms - 2) - 8;
    xs.push([bearingTemp, ambientTemp, vibrationRms, rotorRpm, powerKw, oilPressure, gearboxTemp, windSpeed]);
    ys.push([rng.random() < sigmoid(risk) ? 1 : 0]);
  }
  return { xs, ys };
}

// Focal loss (Lin et al. 2017) for a binary target.
function focalLoss(yTrue, yPred) {
  return tf.tidy(() => {
    const pos = yTrue.mul(ALPHA).mul(tf.pow(tf.sub(1, yPred), GAMMA)).mul(tf.log(yPred.add(EPS)));
    const neg = tf.sub(1, yTrue).mul(1 - ALPHA).mul(tf.pow(yPred, GAMMA)).mul(tf.log(tf.sub(1 + EPS, yPred)));
    return tf.neg(tf.mean(pos.add(neg)));
  });
}

function alertReport(scores, labels) {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (let i = 0; i < labels.length; i++) {
    const alert = scores[i] > 0;
    if (alert && labels[i] === 1) tp++;
    else if (alert) fp++;
    else if (labels[i] === 1) fn++;
  }
  const precision = tp / Math.max(tp + fp, 1);
  const recall = tp / Math.max(tp + fn, 1);
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1 };
}

async function main() {
  await tf.setBackend('wasm');

  const train = scadaHours(N_TRAIN);
  const test = scadaHours(N_TEST);
  const xTrainRaw = tf.tensor2d(train.xs, [N_TRAIN, FEATURES.length]);
  const yTrain = tf.tensor2d(train.ys, [N_TRAIN, 1]);
  const xTestRaw = tf.tensor2d(test.xs, [N_TEST, FEATURES.length]);
  const yTest = test.ys.map((r) => r[0]);

  const { mean, variance } = tf.moments(xTrainRaw, 0);
  const std = variance.sqrt().add(1e-6);
  const xTrain = xTrainRaw.sub(mean).div(std);
  const xTest = xTestRaw.sub(mean).div(std);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [FEATURES.length] }));
  model.add(tf.layers.dense({ units: 16, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 1 }));
  model.compile({ optimizer: tf.train.adam(0.003), loss: focalLoss });

  const history = await model.fit(xTrain, yTrain, { epochs: 25, batchSize: 64, shuffle: true, verbose: 0 });

  const losses = history.history.loss;
  const trainRep = alertReport(model.predict(xTrain).dataSync(), train.ys.map((r) => r[0]));
  const testRep = alertReport(model.predict(xTest).dataSync(), yTest);
  const positives = yTest.reduce((a, b) => a + b, 0);
  console.log(`loss ${losses[0].toFixed(4)} -> ${losses[losses.length - 1].toFixed(4)} train f1 ${trainRep.f1.toFixed(3)} | held-out (${positives} trips) precision ${testRep.precision.toFixed(3)} recall ${testRep.recall.toFixed(3)} f1 ${testRep.f1.toFixed(3)}`);
}

main();
