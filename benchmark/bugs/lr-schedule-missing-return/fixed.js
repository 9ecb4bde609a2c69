'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(4721);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Fault diagnosis for an induction motor: classify a vibration snapshot (10 standardized
// spectral-band energies) as healthy, bearing wear, rotor imbalance or misalignment. MLP with
// Adam and a learning-rate schedule applied per epoch: linear warm-up, a flat phase, then step
// decay down to a floor.
const FAULTS = ['healthy', 'bearing', 'imbalance', 'misalignment'];
const N_FEATURES = 10;
const N_TRAIN = 1000;
const N_TEST = 400;

const EPOCHS = 30;
const BASE_LR = 0.01;
const WARMUP_EPOCHS = 3;
const DECAY_START = 12;
const DECAY_EVERY = 5;
const DECAY_FACTOR = 0.5;
const MIN_LR = 1e-4;

function lrAt(epoch) {
  if (epoch < WARMUP_EPOCHS) {
    return (BASE_LR * (epoch + 1)) / WARMUP_EPOCHS;
  } else if (epoch < DECAY_START) {
    return BASE_LR;
  } else {
    const steps = Math.floor((epoch - DECAY_START) / DECAY_EVERY) + 1;
    return Math.max(MIN_LR, BASE_LR * Math.pow(DECAY_FACTOR, steps));
  }
}

const centers = FAULTS.map(() => rng.array(N_FEATURES, () => rng.normal(0, 1)));

function makeSnapshots(n) {
  const xs = [];
  const labels = [];
  for (let i = 0; i < n; i++) {
    const c = rng.int(0, FAULTS.length);
    const load = rng.uniform(0.5, 1.5);
    xs.push(centers[c].map((m) => load * m + rng.normal(0, 0.8)));
    labels.push(c);
  }
  return { xs, labels };
}

async function main() {
  await tf.setBackend('wasm');

  const train = makeSnapshots(N_TRAIN);
  const test = makeSnapshots(N_TEST);
  const xTrain = tf.tensor2d(train.xs, [N_TRAIN, N_FEATURES]);
  const yTrain = tf.oneHot(tf.tensor1d(train.labels, 'int32'), FAULTS.length).toFloat();
  const xTest = tf.tensor2d(test.xs, [N_TEST, N_FEATURES]);
  const yTest = tf.oneHot(tf.tensor1d(test.labels, 'int32'), FAULTS.length).toFloat();

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [N_FEATURES] }));
  model.add(tf.layers.dense({ units: 32, activation: 'relu' }));
  model.add(tf.layers.dense({ units: FAULTS.length, activation: 'softmax' }));
  const optimizer = tf.train.adam(BASE_LR);
  model.compile({ optimizer, loss: 'categoricalCrossentropy', metrics: ['accuracy'] });

  const schedule = {
    onEpochBegin: async (epoch) => {
      optimizer.learningRate = lrAt(epoch);
    },
  };

  const history = await model.fit(xTrain, yTrain, { epochs: EPOCHS, batchSize: 32, shuffle: true, verbose: 0, callbacks: [schedule] });
  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testAcc] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[DECAY_START - 1].toFixed(3)} (epoch ${DECAY_START}) -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
