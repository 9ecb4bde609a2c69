'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(2683);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Drift detector for a vibration sensor: each window holds 60 noisy readings (already centred
// on the machine's calibrated level) and the machine is either drifting slightly up or slightly
// down. The drift is small compared to the noise, so it only shows over the whole window.
const STEPS = 60;
const DRIFT = 0.3;
const NOISE = 1.5;
const N_TRAIN = 256;
const N_TEST = 200;

function makeWindows(n) {
  const xs = [];
  const ys = [];
  for (let i = 0; i < n; i++) {
    const up = rng.int(0, 2);
    const drift = up === 1 ? DRIFT : -DRIFT;
    xs.push(rng.array(STEPS, () => [drift + rng.normal(0, NOISE)]));
    ys.push(up);
  }
  return { xs, ys };
}

async function main() {
  await tf.setBackend('wasm');

  const train = makeWindows(N_TRAIN);
  const test = makeWindows(N_TEST);
  const xTrain = tf.tensor3d(train.xs, [N_TRAIN, STEPS, 1]);
  const yTrain = tf.tensor2d(train.ys, [N_TRAIN, 1]);
  const xTest = tf.tensor3d(test.xs, [N_TEST, STEPS, 1]);
  const yTest = tf.tensor2d(test.ys, [N_TEST, 1]);

  const model = tf.sequential();
  model.add(tf.layers.lstm({ units: 50, inputShape: [STEPS, 1] }));
  model.add(tf.layers.dense({ units: 1, activation: 'sigmoid' }));
  model.compile({ optimizer: tf.train.adam(0.01), loss: 'binaryCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(xTrain, yTrain, { epochs: 12, batchSize: 64, shuffle: true, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const peak = Math.max(...h.loss);
  const [testLoss, testAcc] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} (max ${peak.toFixed(3)}) acc ${h.acc[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
