'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(4821);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Classify 20-step sensor windows. Each step has 4 vibration channels plus a trigger channel that
// is 1 while the test pulse is applied (the first 4 steps). The pulse pushes every channel up or
// down and the class is its direction; after the pulse the channels only carry background vibration.
const STEPS = 20;
const PULSE_STEPS = 4;
const CHANNELS = 4;
const NUM_FEATURES = CHANNELS + 1;
const N_TRAIN = 1024;
const N_TEST = 300;

function makeWindows(n) {
  const xs = [];
  const ys = [];
  for (let i = 0; i < n; i++) {
    const dir = rng.random() < 0.5 ? -1 : 1;
    const window = [];
    for (let t = 0; t < STEPS; t++) {
      const pulse = t < PULSE_STEPS;
      const channels = rng.array(CHANNELS, () => (pulse ? dir * rng.uniform(0.5, 1.5) : rng.normal(0, 3)));
      window.push([...channels, pulse ? 1 : 0]);
    }
    xs.push(window);
    ys.push(dir > 0 ? 1 : 0);
  }
  return { xs, ys };
}

async function main() {
  await tf.setBackend('wasm');

  const train = makeWindows(N_TRAIN);
  const test = makeWindows(N_TEST);
  const xTrain = tf.tensor3d(train.xs, [N_TRAIN, STEPS, NUM_FEATURES]);
  const yTrain = tf.tensor2d(train.ys, [N_TRAIN, 1]);
  const xTest = tf.tensor3d(test.xs, [N_TEST, STEPS, NUM_FEATURES]);
  const yTest = tf.tensor2d(test.ys, [N_TEST, 1]);

  const model = tf.sequential();
  model.add(tf.layers.lstm({ units: 16, inputShape: [STEPS, NUM_FEATURES] }));
  model.add(tf.layers.dense({ units: 1, activation: 'sigmoid' }));
  model.compile({ optimizer: tf.train.adam(0.01), loss: 'binaryCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(xTrain, yTrain, { epochs: 12, batchSize: 64, shuffle: true, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testAcc] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
