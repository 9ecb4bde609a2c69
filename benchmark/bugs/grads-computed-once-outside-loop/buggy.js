'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(3907);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Daily energy use of office buildings from 8 standardized features (floor area, occupancy,
// outside temperature, insulation rating, window ratio, HVAC age, opening hours, server load).
// Heating and cooling grow with the distance of the outside temperature from 18 degC, so the
// target is nonlinear. A one-hidden-layer network written with raw tf.variables, trained full
// batch with Adam through tf.variableGrads.
const N_FEATURES = 8;
const N_HIDDEN = 32;
const N_TRAIN = 800;
const N_TEST = 300;
const STEPS = 400;
const LEARNING_RATE = 0.01;

function makeBuildings(n) {
  const xs = [];
  const ys = [];
  for (let i = 0; i < n; i++) {
    const x = rng.array(N_FEATURES, () => rng.normal(0, 1));
    const [area, occupancy, temp, insulation, windows, hvacAge, hours, servers] = x;
    const climate = Math.abs(temp) * (1.2 - 0.4 * Math.tanh(insulation)) + 0.3 * windows * temp;
    const y = 0.8 * area + 0.5 * occupancy * (1 + 0.3 * hours) + climate + 0.25 * hvacAge + 0.4 * Math.max(0, servers);
    xs.push(x);
    ys.push(y + rng.normal(0, 0.2));
  }
  return { xs, ys };
}

async function main() {
  await tf.setBackend('wasm');
  const train = makeBuildings(N_TRAIN);
  const test = makeBuildings(N_TEST);
  const meanY = train.ys.reduce((s, v) => s + v, 0) / N_TRAIN;
  const stdY = Math.sqrt(train.ys.reduce((s, v) => s + (v - meanY) ** 2, 0) / N_TRAIN);
  const xTrain = tf.tensor2d(train.xs, [N_TRAIN, N_FEATURES]);
  const yTrain = tf.tensor2d(train.ys.map((v) => (v - meanY) / stdY), [N_TRAIN, 1]);
  const xTest = tf.tensor2d(test.xs, [N_TEST, N_FEATURES]);
  const yTest = tf.tensor2d(test.ys.map((v) => (v - meanY) / stdY), [N_TEST, 1]);

  const w1 = tf.variable(tf.randomNormal([N_FEATURES, N_HIDDEN], 0, Math.sqrt(2 / N_FEATURES)));
  const b1 = tf.variable(tf.zeros([N_HIDDEN]));
  const w2 = tf.variable(tf.randomNormal([N_HIDDEN, 1], 0, Math.sqrt(1 / N_HIDDEN)));
  const b2 = tf.variable(tf.zeros([1]));
  const predict = (x) => x.matMul(w1).add(b1).relu().matMul(w2).add(b2);
  const mse = (x, y) => predict(x).sub(y).square().mean();
  const lossFn = () => mse(xTrain, yTrain);

  const optimizer = tf.train.adam(LEARNING_RATE);
  const history = [];
  const { grads } = tf.variableGrads(lossFn);
  for (let step = 0; step < STEPS; step++) {
    tf.tidy(() => {
      optimizer.applyGradients(grads);
    });
    history.push(tf.tidy(() => lossFn().dataSync()[0]));
  }

  const r2 = (x, y) => tf.tidy(() => 1 - mse(x, y).dataSync()[0] / y.sub(y.mean()).square().mean().dataSync()[0]);
  const trainLoss = tf.tidy(() => mse(xTrain, yTrain).dataSync()[0]);
  const testLoss = tf.tidy(() => mse(xTest, yTest).dataSync()[0]);
  const best = history.indexOf(Math.min(...history));
  console.log(`loss ${history[0].toPrecision(3)} -> lowest ${history[best].toPrecision(3)} (step ${best + 1}) -> ${history[STEPS - 1].toPrecision(3)} | train mse ${trainLoss.toPrecision(3)} r2 ${r2(xTrain, yTrain).toFixed(3)} | test mse ${testLoss.toPrecision(3)} test r2 ${r2(xTest, yTest).toFixed(3)}`);
}

main();
