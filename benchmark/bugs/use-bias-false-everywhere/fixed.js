'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(5821);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Predict a student's final exam score (0-100) from five study-habit features: hours studied,
// hours slept, attendance, practice tests taken and previous grade, all standardized with the
// training-set mean/std before they go into the network.
const FEATURES = ['hours', 'sleep', 'attendance', 'practice', 'previous'];

function makeStudents(n) {
  const rows = [];
  const scores = [];
  for (let i = 0; i < n; i++) {
    const hours = rng.uniform(0, 20);
    const sleep = rng.normal(7, 1.2);
    const attendance = rng.uniform(0.5, 1);
    const practice = rng.int(0, 6);
    const previous = rng.normal(65, 12);
    const score = 1.2 * hours + 2.5 * Math.min(sleep, 8) + 15 * attendance + 1.5 * practice
      + 0.4 * previous + rng.normal(0, 3);
    rows.push([hours, sleep, attendance, practice, previous]);
    scores.push([Math.max(0, Math.min(100, score))]);
  }
  return { rows, scores };
}

function standardize(x, mean, std) {
  return x.sub(mean).div(std);
}

async function main() {
  await tf.setBackend('wasm');

  const train = makeStudents(800);
  const test = makeStudents(200);
  const xTrainRaw = tf.tensor2d(train.rows, [800, FEATURES.length]);
  const { mean, variance } = tf.moments(xTrainRaw, 0);
  const std = variance.sqrt();
  const xTrain = standardize(xTrainRaw, mean, std);
  const xTest = standardize(tf.tensor2d(test.rows, [200, FEATURES.length]), mean, std);
  const yTrain = tf.tensor2d(train.scores, [800, 1]);
  const yTest = tf.tensor2d(test.scores, [200, 1]);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [FEATURES.length] }));
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
