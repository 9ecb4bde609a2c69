'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(9512);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Human activity recognition from 2-second windows of a wrist accelerometer. Each window is
// summarized by a few statistics (mean and spread of the magnitude, dominant frequency, energy,
// vertical share) and classified as sitting, walking, running or cycling. The recordings are
// noisy and the classes overlap, so the training targets get label smoothing to keep the network
// from becoming overconfident. One-hot labels are used for the held-out evaluation.
const ACTIVITIES = ['sitting', 'walking', 'running', 'cycling'];
const K = ACTIVITIES.length;
const N_TRAIN = 600;
const N_TEST = 400;
const NUM_FEATURES = 6;
const SMOOTHING = 0.2;

// per activity: mean magnitude (g), magnitude std, dominant frequency (Hz), vertical share
const PROFILE = [
  [1.0, 0.05, 0.3, 0.3],
  [1.1, 0.25, 1.9, 0.6],
  [1.4, 0.55, 2.7, 0.7],
  [1.05, 0.2, 1.3, 0.35],
];

function recordWindows(n) {
  const xs = [];
  const labels = [];
  for (let i = 0; i < n; i++) {
    const c = rng.int(0, K);
    const [mag, spread, freq, vertical] = PROFILE[c];
    const m = mag * Math.exp(rng.normal(0, 0.06));
    const s = spread * Math.exp(rng.normal(0, 0.45));
    const f = Math.max(0.05, freq + rng.normal(0, 0.45));
    const v = Math.min(1, Math.max(0, vertical + rng.normal(0, 0.15)));
    const energy = m * m + s * s + rng.normal(0, 0.05);
    const jerk = s * f + rng.normal(0, 0.1);
    xs.push([m, s, f, v, energy, jerk]);
    // about one window in ten carries a mislabel from the annotation app
    labels.push(rng.random() < 0.1 ? rng.int(0, K) : c);
  }
  return { xs, labels };
}

const oneHot = (labels) => labels.map((c) => ACTIVITIES.map((_, k) => (k === c ? 1 : 0)));

// spread eps of the probability mass evenly over the K classes
const smooth = (rows, eps) => rows.map((row) => row.map((y) => y * (1 - eps) + eps / K));

async function main() {
  await tf.setBackend('wasm');

  const train = recordWindows(N_TRAIN);
  const test = recordWindows(N_TEST);
  const xTrainRaw = tf.tensor2d(train.xs, [N_TRAIN, NUM_FEATURES]);
  const xTestRaw = tf.tensor2d(test.xs, [N_TEST, NUM_FEATURES]);
  const yTrain = tf.tensor2d(smooth(oneHot(train.labels), SMOOTHING), [N_TRAIN, K]);
  const yTest = tf.tensor2d(oneHot(test.labels), [N_TEST, K]);

  const { mean, variance } = tf.moments(xTrainRaw, 0);
  const std = variance.sqrt().add(1e-6);
  const xTrain = xTrainRaw.sub(mean).div(std);
  const xTest = xTestRaw.sub(mean).div(std);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 64, activation: 'relu', inputShape: [NUM_FEATURES] }));
  model.add(tf.layers.dense({ units: 64, activation: 'relu' }));
  model.add(tf.layers.dense({ units: K, activation: 'softmax' }));
  model.compile({ optimizer: tf.train.adam(0.01), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(xTrain, yTrain, { epochs: 60, batchSize: 32, shuffle: true, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testAcc] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
