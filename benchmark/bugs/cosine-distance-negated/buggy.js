'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(4418);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Sound-source localization: a small array of 6 microphones measures the arrival-time
// differences of a sound between its 15 microphone pairs (in microseconds, noisy, with a
// slight reverberation bias). A small MLP predicts the unit direction vector (x, y, z) of the
// source; it is trained with a cosine-distance loss on the L2-normalized prediction.
const N_MICS = 6;
const N_TRAIN = 1000;
const N_TEST = 400;
const SPEED_OF_SOUND = 343;

const mics = rng.array(N_MICS, () => [rng.uniform(-0.1, 0.1), rng.uniform(-0.1, 0.1), rng.uniform(-0.05, 0.05)]);
const pairs = [];
for (let i = 0; i < N_MICS; i++) for (let j = i + 1; j < N_MICS; j++) pairs.push([i, j]);

function randomDirection() {
  const v = [rng.normal(0, 1), rng.normal(0, 1), rng.normal(0, 1)];
  const n = Math.hypot(v[0], v[1], v[2]);
  return v.map((c) => c / n);
}

function makeRecordings(n) {
  const xs = [];
  const ys = [];
  for (let k = 0; k < n; k++) {
    const d = randomDirection();
    const tdoa = pairs.map(([i, j]) => {
      const delta = (mics[i][0] - mics[j][0]) * d[0] + (mics[i][1] - mics[j][1]) * d[1] + (mics[i][2] - mics[j][2]) * d[2];
      const us = (1e6 * delta) / SPEED_OF_SOUND;
      return (us + 20 * d[2] * d[2] + rng.normal(0, 40)) / 200;
    });
    xs.push(tdoa);
    ys.push(d);
  }
  return { xs, ys };
}

const l2Normalize = (t) => t.div(t.norm('euclidean', -1, true).add(1e-7));

async function main() {
  await tf.setBackend('wasm');

  const train = makeRecordings(N_TRAIN);
  const test = makeRecordings(N_TEST);
  const xTrain = tf.tensor2d(train.xs, [N_TRAIN, pairs.length]);
  const yTrain = tf.tensor2d(train.ys, [N_TRAIN, 3]);
  const xTest = tf.tensor2d(test.xs, [N_TEST, pairs.length]);
  const yTest = tf.tensor2d(test.ys, [N_TEST, 3]);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 64, activation: 'relu', inputShape: [pairs.length] }));
  model.add(tf.layers.dense({ units: 32, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 3 }));

  const directionLoss = (yTrue, yPred) => tf.losses.cosineDistance(yTrue, l2Normalize(yPred), 1).neg();
  model.compile({ optimizer: tf.train.adam(0.003), loss: directionLoss });

  const history = await model.fit(xTrain, yTrain, { epochs: 20, batchSize: 64, shuffle: true, verbose: 0 });

  const cosine = (x, y) => tf.tidy(() => l2Normalize(model.predict(x)).mul(y).sum(-1));
  const trainCos = tf.tidy(() => cosine(xTrain, yTrain).mean().dataSync()[0]);
  const testCosines = cosine(xTest, yTest).dataSync();
  const testCos = testCosines.reduce((a, b) => a + b, 0) / N_TEST;
  const testAngle = testCosines.reduce((a, c) => a + (Math.acos(Math.min(1, Math.max(-1, c))) * 180) / Math.PI, 0) / N_TEST;
  const h = history.history;
  const last = h.loss.length - 1;
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} train cos ${trainCos.toFixed(3)} | test cos ${testCos.toFixed(3)} test mean angle error ${testAngle.toFixed(1)} deg`);
}

main();
