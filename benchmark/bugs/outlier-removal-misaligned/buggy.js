'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(3309);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Activity recognition from a wrist sensor: 6 summary features per 2-second window
// (mean and spread of the x/y/z acceleration), 3 activities: sitting, walking, running.
// The logger occasionally records a glitched window with one huge reading.
const ACTIVITIES = ['sitting', 'walking', 'running'];
const NUM_FEATURES = 6;

const profiles = ACTIVITIES.map(() => rng.array(NUM_FEATURES, () => rng.normal(0, 1.2)));

function loadWindows(n) {
  const xs = [];
  const ys = [];
  for (let i = 0; i < n; i++) {
    const a = rng.int(0, ACTIVITIES.length);
    const row = profiles[a].map((m) => m + rng.normal(0, 0.8));
    if (rng.random() < 0.07) row[rng.int(0, NUM_FEATURES)] = rng.uniform(15, 40) * (rng.random() < 0.5 ? -1 : 1);
    xs.push(row);
    ys.push(ACTIVITIES.map((_, k) => (k === a ? 1 : 0)));
  }
  return { xs, ys };
}

async function main() {
  await tf.setBackend('wasm');

  let { xs, ys } = loadWindows(2000);

  // drop glitched windows before training
  const isClean = (row) => row.every((v) => Math.abs(v) < 8);
  xs = xs.filter(isClean);
  ys = ys.slice(0, xs.length);

  const n = xs.length;
  const nTrain = Math.floor(n * 0.8);
  const x = tf.tensor2d(xs, [n, NUM_FEATURES]);
  const y = tf.tensor2d(ys, [n, ACTIVITIES.length]);
  const xTrain = x.slice([0, 0], [nTrain, NUM_FEATURES]);
  const yTrain = y.slice([0, 0], [nTrain, ACTIVITIES.length]);
  const xTest = x.slice([nTrain, 0], [n - nTrain, NUM_FEATURES]);
  const yTest = y.slice([nTrain, 0], [n - nTrain, ACTIVITIES.length]);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 24, activation: 'relu', inputShape: [NUM_FEATURES] }));
  model.add(tf.layers.dense({ units: 24, activation: 'relu' }));
  model.add(tf.layers.dense({ units: ACTIVITIES.length, activation: 'softmax' }));
  model.compile({ optimizer: tf.train.adam(0.005), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(xTrain, yTrain, { epochs: 25, batchSize: 32, shuffle: true, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testAcc] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  console.log(`kept ${n} of 2000 windows | loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
