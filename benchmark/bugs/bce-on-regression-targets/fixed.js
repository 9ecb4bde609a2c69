'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(5819);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Predict a student's exam score (0-100) from six standardized features: study hours, sleep,
// attendance, practice tests taken, commute time and a motivation survey score.
const NUM_FEATURES = 6;

function makeStudents(n) {
  const xs = [];
  const ys = [];
  for (let i = 0; i < n; i++) {
    const f = rng.array(NUM_FEATURES, () => rng.normal(0, 1));
    let score = 60 + 12 * f[0] + 6 * f[1] + 8 * f[2] + 5 * f[3] - 4 * f[4] + 3 * f[0] * f[5] + rng.normal(0, 3);
    score = Math.min(100, Math.max(0, score));
    xs.push(f);
    ys.push([score]);
  }
  return { xs, ys };
}

async function main() {
  await tf.setBackend('wasm');

  const train = makeStudents(800);
  const test = makeStudents(200);
  const xTrain = tf.tensor2d(train.xs, [800, NUM_FEATURES]);
  const yTrain = tf.tensor2d(train.ys, [800, 1]);
  const xTest = tf.tensor2d(test.xs, [200, NUM_FEATURES]);
  const yTest = tf.tensor2d(test.ys, [200, 1]);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [NUM_FEATURES] }));
  model.add(tf.layers.dense({ units: 16, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 1 }));

  model.compile({ optimizer: tf.train.adam(0.01), loss: 'meanSquaredError' });

  const history = await model.fit(xTrain, yTrain, { epochs: 60, batchSize: 32, shuffle: true, verbose: 0 });

  const mae = (x, y) => tf.tidy(() => model.predict(x).sub(y).abs().mean().dataSync()[0]);
  const h = history.history;
  const last = h.loss.length - 1;
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} train MAE ${mae(xTrain, yTrain).toFixed(2)} | test MAE ${mae(xTest, yTest).toFixed(2)}`);
}

main();
