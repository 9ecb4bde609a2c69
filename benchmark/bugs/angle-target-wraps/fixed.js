'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(9509);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Wind direction at a hilltop site from the surrounding barometer network. Six stations on a ring
// around the site report sea-level pressure (hPa); the pressure gradient across the ring sets the
// wind, which blows at a fixed angle to the gradient (geostrophic balance turned by surface
// friction). The anemometer vane gives the direction the wind comes from in degrees, 0-360, which
// an MLP learns from the standardized pressures. Scored by the mean angular error on later days.
const N_STATIONS = 6;
const N_TRAIN = 2000;
const N_TEST = 600;
const RAD = Math.PI / 180;
const STATION_BEARINGS = rng.array(N_STATIONS, (k) => k * 60 + rng.uniform(-15, 15));

function readNetwork(n) {
  const pressures = [];
  const directions = [];
  for (let i = 0; i < n; i++) {
    const system = rng.normal(1013, 8);
    const gradient = rng.uniform(0.8, 6);
    const lowSide = rng.uniform(0, 360);
    pressures.push(STATION_BEARINGS.map((b) => system - gradient * Math.cos((b - lowSide) * RAD) + rng.normal(0, 0.3)));
    directions.push((lowSide + 70 + rng.normal(0, 4) + 720) % 360);
  }
  return { pressures, directions };
}

const toTarget = (deg) => [Math.sin(deg * RAD), Math.cos(deg * RAD)];
const toDegrees = (out) => (Math.atan2(out[0], out[1]) / RAD + 360) % 360;

function angularError(a, b) {
  const d = Math.abs(a - b) % 360;
  return Math.min(d, 360 - d);
}

async function main() {
  await tf.setBackend('wasm');

  const train = readNetwork(N_TRAIN);
  const test = readNetwork(N_TEST);
  const pTrain = tf.tensor2d(train.pressures);
  const { mean, variance } = tf.moments(pTrain, 0);
  const std = variance.sqrt().add(1e-6);
  const xTrain = pTrain.sub(mean).div(std);
  const xTest = tf.tensor2d(test.pressures).sub(mean).div(std);
  const yTrain = tf.tensor2d(train.directions.map(toTarget));

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 64, activation: 'relu', inputShape: [N_STATIONS] }));
  model.add(tf.layers.dense({ units: 32, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 2 }));
  model.compile({ optimizer: tf.train.adam(0.005), loss: 'meanSquaredError' });

  const history = await model.fit(xTrain, yTrain, { epochs: 60, batchSize: 32, shuffle: true, verbose: 0 });

  const predicted = model.predict(xTest).arraySync().map(toDegrees);
  const errors = test.directions.map((d, i) => angularError(d, predicted[i]));
  const meanError = errors.reduce((s, e) => s + e, 0) / errors.length;
  const north = errors.filter((e, i) => angularError(test.directions[i], 0) < 30);
  const northError = north.reduce((s, e) => s + e, 0) / north.length;
  const h = history.history;
  const last = h.loss.length - 1;
  console.log(`loss ${h.loss[0].toFixed(4)} -> ${h.loss[last].toFixed(4)} | test mean angular error ${meanError.toFixed(1)} deg, within 30 deg of north ${northError.toFixed(1)} deg (n=${north.length})`);
}

main();
