'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(3907);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Three soil sensors (moisture, pH, nitrate) predicted from 10 standardized field measurements.
// Sensor readings are sometimes missing; those targets are stored as NaN and left out of the
// loss with a mask, so every row can still be used for the readings it does have.
const N_TRAIN = 1500;
const N_TEST = 500;
const N_FEATURES = 10;
const N_TARGETS = 3;
const MISSING_RATE = 0.15;

const mixing = rng.array(N_TARGETS, () => rng.array(N_FEATURES, () => rng.normal(0, 0.5)));

function makeField(n, dropReadings) {
  const xs = [];
  const ys = [];
  for (let i = 0; i < n; i++) {
    const f = rng.array(N_FEATURES, () => rng.normal(0, 1));
    const row = mixing.map((w, k) => {
      let s = 0;
      for (let j = 0; j < N_FEATURES; j++) s += w[j] * f[j];
      const value = Math.tanh(s) + 0.3 * f[k] * f[k + 3] + rng.normal(0, 0.05);
      return dropReadings && rng.random() < MISSING_RATE ? NaN : value;
    });
    xs.push(f);
    ys.push(row);
  }
  return { xs, ys };
}

function maskedMse(yTrue, yPred) {
  const mask = tf.logicalNot(tf.isNaN(yTrue));
  const err = yPred.sub(tf.where(mask, yTrue, tf.zerosLike(yTrue)));
  const sq = tf.where(mask, tf.square(err), tf.zerosLike(err));
  return sq.sum().div(tf.cast(mask, 'float32').sum());
}

async function main() {
  await tf.setBackend('wasm');
  const train = makeField(N_TRAIN, true);
  const test = makeField(N_TEST, false);
  const xTrain = tf.tensor2d(train.xs, [N_TRAIN, N_FEATURES]);
  const yTrain = tf.tensor2d(train.ys, [N_TRAIN, N_TARGETS]);
  const xTest = tf.tensor2d(test.xs, [N_TEST, N_FEATURES]);
  const yTest = tf.tensor2d(test.ys, [N_TEST, N_TARGETS]);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 64, activation: 'relu', inputShape: [N_FEATURES] }));
  model.add(tf.layers.dense({ units: 32, activation: 'relu' }));
  model.add(tf.layers.dense({ units: N_TARGETS }));
  model.compile({ optimizer: tf.train.adam(0.003), loss: maskedMse });

  const history = await model.fit(xTrain, yTrain, { epochs: 20, batchSize: 32, shuffle: true, verbose: 0 });

  const h = history.history.loss;
  const testMse = tf.tidy(() => tf.losses.meanSquaredError(yTest, model.predict(xTest)).dataSync()[0]);
  const testVar = tf.tidy(() => tf.moments(yTest, 0).variance.mean().dataSync()[0]);
  console.log(`loss ${h[0].toFixed(4)} -> ${h[h.length - 1].toFixed(4)} | test mse ${testMse.toFixed(4)} test r2 ${(1 - testMse / testVar).toFixed(3)}`);
}

main();
