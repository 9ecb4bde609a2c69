'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(5521);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Each customer has a short history of monthly account movements (standardized amounts).
// Predict whether the customer ended the period with a net gain. Histories have 3 to 12
// months and are padded at the end to 20 steps.
const MAX_MONTHS = 20;
const PAD = -1;
const N_TRAIN = 500;
const N_TEST = 300;

function makeHistory() {
  const months = rng.int(3, 13);
  const steps = [];
  let net = 0;
  for (let m = 0; m < months; m++) {
    const amount = rng.normal(0, 1);
    net += amount;
    steps.push([amount]);
  }
  return { steps, gain: net > 0 ? 1 : 0 };
}

function padEnd(steps) {
  const out = steps.slice();
  while (out.length < MAX_MONTHS) out.push([PAD]);
  return out;
}

function makeSet(n) {
  const xs = [];
  const ys = [];
  for (let i = 0; i < n; i++) {
    const h = makeHistory();
    xs.push(padEnd(h.steps));
    ys.push([h.gain]);
  }
  return { x: tf.tensor3d(xs, [n, MAX_MONTHS, 1]), y: tf.tensor2d(ys, [n, 1]) };
}

async function main() {
  await tf.setBackend('wasm');

  const train = makeSet(N_TRAIN);
  const test = makeSet(N_TEST);

  const model = tf.sequential();
  model.add(tf.layers.masking({ inputShape: [MAX_MONTHS, 1] }));
  model.add(tf.layers.lstm({ units: 8 }));
  model.add(tf.layers.dense({ units: 1, activation: 'sigmoid' }));
  model.compile({ optimizer: tf.train.adam(0.01), loss: 'binaryCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(train.x, train.y, { epochs: 15, batchSize: 50, shuffle: true, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testAcc] = model.evaluate(test.x, test.y).map((t) => t.dataSync()[0]);
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
