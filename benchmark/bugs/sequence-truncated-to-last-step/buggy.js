'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(4821);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Vibration sensor windows: 16 readings each, sampled while a motor runs at one of three speeds.
// The speed shows up as how fast the reading oscillates (slow / medium / fast); amplitude and
// phase vary from window to window. GRU classifier, softmax over the three speeds.
const STEPS = 16;
const N_TRAIN = 400;
const N_TEST = 200;
const PERIODS = [14, 7, 3.5];

function makeWindows(n) {
  const xs = [];
  const ys = [];
  for (let i = 0; i < n; i++) {
    const speed = rng.int(0, 3);
    const amp = rng.uniform(0.5, 1.5);
    const phase = rng.uniform(0, 2 * Math.PI);
    const omega = (2 * Math.PI / PERIODS[speed]) * rng.uniform(0.9, 1.1);
    xs.push(rng.array(STEPS, (t) => [amp * Math.sin(omega * t + phase) + rng.normal(0, 0.1)]));
    ys.push([0, 1, 2].map((k) => (k === speed ? 1 : 0)));
  }
  return { xs, ys };
}

async function main() {
  await tf.setBackend('wasm');

  const train = makeWindows(N_TRAIN);
  const test = makeWindows(N_TEST);

  // one label per window, and it belongs to the window's last reading
  const toInputs = (xs) => tf.tensor3d(xs, [xs.length, STEPS, 1]).slice([0, STEPS - 1, 0], [-1, 1, -1]);
  const xTrain = toInputs(train.xs);
  const yTrain = tf.tensor2d(train.ys, [N_TRAIN, 3]);
  const xTest = toInputs(test.xs);
  const yTest = tf.tensor2d(test.ys, [N_TEST, 3]);

  const model = tf.sequential();
  model.add(tf.layers.gru({ units: 16, inputShape: xTrain.shape.slice(1) }));
  model.add(tf.layers.dense({ units: 3, activation: 'softmax' }));
  model.compile({ optimizer: tf.train.adam(0.01), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(xTrain, yTrain, { epochs: 12, batchSize: 32, shuffle: true, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testAcc] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
