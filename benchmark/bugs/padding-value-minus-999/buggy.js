'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(8153);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Classify short sensor recordings as rising or falling. Each recording has between 4 and 12
// readings of two channels (a scaled level and its first difference); recordings are padded to a
// fixed window of 20 steps and fed to a small LSTM with a sigmoid output.
const MAX_LEN = 20;
const FILL_VALUE = -999;
const N_TRAIN = 400;
const N_TEST = 200;

function makeRecording() {
  const len = rng.int(4, 13);
  const rising = rng.random() < 0.5;
  const slope = (rising ? 1 : -1) * rng.uniform(0.03, 0.12);
  const start = rng.normal(0, 0.5);
  const steps = [];
  let prev = start;
  for (let t = 0; t < len; t++) {
    const level = start + slope * t + rng.normal(0, 0.15);
    steps.push([level, (level - prev) * 3]);
    prev = level;
  }
  return { steps, label: rising ? 1 : 0 };
}

function padRecording(steps) {
  const padded = steps.slice();
  while (padded.length < MAX_LEN) padded.push([FILL_VALUE, FILL_VALUE]);
  return padded;
}

function makeSet(n) {
  const xs = [];
  const ys = [];
  for (let i = 0; i < n; i++) {
    const r = makeRecording();
    xs.push(padRecording(r.steps));
    ys.push([r.label]);
  }
  return { x: tf.tensor3d(xs, [n, MAX_LEN, 2]), y: tf.tensor2d(ys, [n, 1]) };
}

async function main() {
  await tf.setBackend('wasm');

  const train = makeSet(N_TRAIN);
  const test = makeSet(N_TEST);

  const model = tf.sequential();
  model.add(tf.layers.lstm({ units: 6, inputShape: [MAX_LEN, 2] }));
  model.add(tf.layers.dense({ units: 1, activation: 'sigmoid' }));
  model.compile({ optimizer: tf.train.adam(0.01), loss: 'binaryCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(train.x, train.y, { epochs: 25, batchSize: 32, shuffle: true, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testAcc] = model.evaluate(test.x, test.y).map((t) => t.dataSync()[0]);
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
