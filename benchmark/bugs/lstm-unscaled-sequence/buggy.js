'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(6158);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Pressure sensor windows (kPa, 20 readings each) from a set of pumps. Every pump idles at its own
// level around 2000 kPa; a window is labelled 1 when the pressure is climbing over the window and
// 0 when it is falling. Small LSTM, sigmoid output, binary cross-entropy.
const STEPS = 20;
const N_TRAIN = 600;
const N_TEST = 200;

function makeWindows(n) {
  const xs = [];
  const ys = [];
  for (let i = 0; i < n; i++) {
    const level = rng.uniform(1900, 2100);
    const rising = rng.random() < 0.5 ? 1 : 0;
    const slope = (rising ? 1 : -1) * rng.uniform(2, 6);
    const start = level - slope * STEPS / 2;
    xs.push(rng.array(STEPS, (t) => [start + slope * t + rng.normal(0, 8)]));
    ys.push([rising]);
  }
  return { xs, ys };
}

async function main() {
  await tf.setBackend('wasm');

  const train = makeWindows(N_TRAIN);
  const test = makeWindows(N_TEST);

  const toInputs = (xs) => tf.tensor3d(xs, [xs.length, STEPS, 1]);
  const xTrain = toInputs(train.xs);
  const yTrain = tf.tensor2d(train.ys, [N_TRAIN, 1]);
  const xTest = toInputs(test.xs);
  const yTest = tf.tensor2d(test.ys, [N_TEST, 1]);

  const model = tf.sequential();
  model.add(tf.layers.lstm({ units: 8, inputShape: [STEPS, 1] }));
  model.add(tf.layers.dense({ units: 1, activation: 'sigmoid' }));
  model.compile({ optimizer: tf.train.adam(0.01), loss: 'binaryCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(xTrain, yTrain, { epochs: 15, batchSize: 32, shuffle: true, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testAcc] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
