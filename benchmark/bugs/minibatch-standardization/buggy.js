'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(5581);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Pump monitoring: each recording session logs 16 consecutive readings of one pump
// (bearing temperature in C, vibration in mm/s, shaft speed in rpm, load in %).
// A session is labelled 1 if the pump was running hot (failing bearing), else 0.
// The sessions are stored one after the other, in the order they were logged.
const READINGS_PER_SESSION = 16;
const NUM_FEATURES = 4;

function makeSessions(numSessions) {
  const rows = [];
  const labels = [];
  for (let s = 0; s < numSessions; s++) {
    const hot = rng.random() < 0.5 ? 1 : 0;
    const baseline = 68 + rng.normal(0, 1);
    const load = rng.uniform(30, 90);
    for (let r = 0; r < READINGS_PER_SESSION; r++) {
      rows.push([
        baseline + 6 * hot + rng.normal(0, 1.2),
        rng.normal(3, 0.6),
        rng.normal(1480, 40),
        load + rng.normal(0, 3),
      ]);
      labels.push([hot]);
    }
  }
  return { rows, labels };
}

// Column mean / std of a [n, features] tensor.
function columnStats(x) {
  const mean = x.mean(0);
  const std = x.sub(mean).square().mean(0).sqrt();
  return { mean, std };
}

const standardize = (x, { mean, std }) => x.sub(mean).div(std.add(1e-7));

async function main() {
  await tf.setBackend('wasm');

  const train = makeSessions(50);
  const test = makeSessions(40);
  const xTrainRaw = tf.tensor2d(train.rows, [train.rows.length, NUM_FEATURES]);
  const trainStats = columnStats(xTrainRaw);

  const trainDs = tf.data
    .zip({ xs: tf.data.array(train.rows), ys: tf.data.array(train.labels) })
    .batch(8)
    .map(({ xs, ys }) => ({ xs: standardize(xs, columnStats(xs)), ys }));

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 16, activation: 'relu', inputShape: [NUM_FEATURES] }));
  model.add(tf.layers.dense({ units: 8, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 1, activation: 'sigmoid' }));
  model.compile({ optimizer: tf.train.adam(0.01), loss: 'binaryCrossentropy', metrics: ['accuracy'] });

  const history = await model.fitDataset(trainDs, { epochs: 10, verbose: 0 });

  const xTest = standardize(tf.tensor2d(test.rows, [test.rows.length, NUM_FEATURES]), trainStats);
  const yTest = tf.tensor2d(test.labels, [test.labels.length, 1]);
  const [testLoss, testAcc] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  const h = history.history;
  const last = h.loss.length - 1;
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
