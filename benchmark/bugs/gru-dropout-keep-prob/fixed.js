'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(2718);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Activity recognition from short accelerometer windows (x, y, z; 16 samples each). Walking,
// jogging and running differ in step frequency; the amplitude of each axis and the phase vary
// from window to window. GRU with dropout, softmax over the three activities.
const STEPS = 16;
const AXES = 3;
const ACTIVITIES = ['walking', 'jogging', 'running'];
const PERIODS = [10, 6, 3.5];

function makeWindows(n) {
  const xs = [];
  const ys = [];
  for (let i = 0; i < n; i++) {
    const a = rng.int(0, ACTIVITIES.length);
    const period = PERIODS[a] * rng.uniform(0.9, 1.1);
    const phase = rng.uniform(0, 2 * Math.PI);
    const amps = rng.array(AXES, () => rng.uniform(0.3, 1.5));
    xs.push(rng.array(STEPS, (t) => amps.map((amp) => amp * Math.sin((2 * Math.PI * t) / period + phase) + rng.normal(0, 0.2))));
    ys.push(ACTIVITIES.map((_, k) => (k === a ? 1 : 0)));
  }
  return { xs, ys };
}

async function main() {
  await tf.setBackend('wasm');

  const train = makeWindows(480);
  const test = makeWindows(200);
  const xTrain = tf.tensor3d(train.xs, [480, STEPS, AXES]);
  const yTrain = tf.tensor2d(train.ys, [480, ACTIVITIES.length]);
  const xTest = tf.tensor3d(test.xs, [200, STEPS, AXES]);
  const yTest = tf.tensor2d(test.ys, [200, ACTIVITIES.length]);

  const model = tf.sequential();
  model.add(tf.layers.gru({ units: 16, inputShape: [STEPS, AXES], dropout: 0.1, recurrentDropout: 0.1 }));
  model.add(tf.layers.dense({ units: ACTIVITIES.length, activation: 'softmax' }));
  model.compile({ optimizer: tf.train.adam(0.01), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(xTrain, yTrain, { epochs: 12, batchSize: 32, shuffle: true, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testAcc] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
