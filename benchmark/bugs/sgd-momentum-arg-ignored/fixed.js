'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(2291);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Fault diagnosis for industrial pumps: 20 standardized band energies of a vibration spectrum,
// 10 fault types (bearing wear, cavitation, misalignment, ...). Each fault type has its own
// typical spectrum and recordings scatter around it. MLP with softmax output, SGD with momentum.
const NUM_FAULTS = 10;
const NUM_BANDS = 20;
const N_TRAIN = 1000;
const N_TEST = 500;

const signatures = rng.array(NUM_FAULTS, () => rng.array(NUM_BANDS, () => rng.normal(0, 1)));

function makeRecordings(n) {
  const xs = [];
  const labels = [];
  for (let i = 0; i < n; i++) {
    const fault = rng.int(0, NUM_FAULTS);
    xs.push(signatures[fault].map((m) => m + rng.normal(0, 1)));
    labels.push(fault);
  }
  return { xs, labels };
}

async function main() {
  await tf.setBackend('wasm');

  const train = makeRecordings(N_TRAIN);
  const test = makeRecordings(N_TEST);
  const xTrain = tf.tensor2d(train.xs, [N_TRAIN, NUM_BANDS]);
  const yTrain = tf.oneHot(tf.tensor1d(train.labels, 'int32'), NUM_FAULTS).toFloat();
  const xTest = tf.tensor2d(test.xs, [N_TEST, NUM_BANDS]);
  const yTest = tf.oneHot(tf.tensor1d(test.labels, 'int32'), NUM_FAULTS).toFloat();

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 64, activation: 'relu', inputShape: [NUM_BANDS] }));
  model.add(tf.layers.dense({ units: 32, activation: 'relu' }));
  model.add(tf.layers.dense({ units: NUM_FAULTS, activation: 'softmax' }));

  const optimizer = tf.train.momentum(0.001, 0.9);
  model.compile({ optimizer, loss: 'categoricalCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(xTrain, yTrain, { epochs: 15, batchSize: 32, shuffle: true, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testAcc] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
