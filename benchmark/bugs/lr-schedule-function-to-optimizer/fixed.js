'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(4471);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Fault diagnosis for an electric motor: 10 standardized vibration features (RMS, kurtosis, crest
// factor, band energies, ...) of one measurement window -> one of 5 conditions (healthy, imbalance,
// misalignment, bearing wear, looseness). Each condition has its own feature signature with
// window-to-window variation and a few nonlinear interactions. MLP trained with SGD + momentum and
// an exponentially decaying learning rate (decays by DECAY_RATE every epoch's worth of steps).
const CONDITIONS = ['healthy', 'imbalance', 'misalignment', 'bearing-wear', 'looseness'];
const N_FEATURES = 10;
const N_TRAIN = 1000;
const N_TEST = 400;

const EPOCHS = 30;
const BATCH_SIZE = 32;
const STEPS_PER_EPOCH = Math.ceil(N_TRAIN / BATCH_SIZE);
const INITIAL_LR = 0.05;
const DECAY_RATE = 0.9;

const signatures = CONDITIONS.map(() => rng.array(N_FEATURES, () => rng.normal(0, 1)));

function makeWindows(n) {
  const xs = [];
  const ys = [];
  for (let i = 0; i < n; i++) {
    const c = rng.int(0, CONDITIONS.length);
    const x = signatures[c].map((m) => m + rng.normal(0, 0.9));
    x[8] += 0.5 * x[0] * x[1];
    x[9] += 0.5 * Math.abs(x[2]);
    const oneHot = new Array(CONDITIONS.length).fill(0);
    oneHot[c] = 1;
    xs.push(x);
    ys.push(oneHot);
  }
  return { xs, ys };
}

async function main() {
  await tf.setBackend('wasm');

  const train = makeWindows(N_TRAIN);
  const test = makeWindows(N_TEST);
  const xTrain = tf.tensor2d(train.xs, [N_TRAIN, N_FEATURES]);
  const yTrain = tf.tensor2d(train.ys, [N_TRAIN, CONDITIONS.length]);
  const xTest = tf.tensor2d(test.xs, [N_TEST, N_FEATURES]);
  const yTest = tf.tensor2d(test.ys, [N_TEST, CONDITIONS.length]);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 64, activation: 'relu', inputShape: [N_FEATURES] }));
  model.add(tf.layers.dense({ units: 32, activation: 'relu' }));
  model.add(tf.layers.dense({ units: CONDITIONS.length, activation: 'softmax' }));

  const lrSchedule = (step) => INITIAL_LR * Math.pow(DECAY_RATE, step / STEPS_PER_EPOCH);
  const optimizer = tf.train.momentum(lrSchedule(0), 0.9);
  model.compile({ optimizer, loss: 'categoricalCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(xTrain, yTrain, { epochs: EPOCHS, batchSize: BATCH_SIZE, shuffle: true, verbose: 0, callbacks: { onEpochBegin: async (epoch) => optimizer.setLearningRate(lrSchedule(epoch * STEPS_PER_EPOCH)) } });

  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testAcc] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
