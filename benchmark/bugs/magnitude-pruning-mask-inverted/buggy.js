'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(9672);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Fault classifier for a pump fleet: 12 condition-monitoring features per reading (vibration
// band energies, bearing temperature, motor current, pressure ratio, ...) -> one of 4 states
// (healthy, cavitation, misalignment, bearing wear). The model has to fit on the edge gateway,
// so it is trained with gradual magnitude pruning: from PRUNE_START on, at the end of every
// epoch each dense kernel is thresholded at its current target sparsity, ramping up to
// FINAL_SPARSITY by PRUNE_END (cubic schedule, as in Zhu & Gupta 2017).
const NUM_FEATURES = 12;
const NUM_CLASSES = 4;
const N_TRAIN = 1600;
const N_TEST = 600;
const EPOCHS = 24;
const PRUNE_START = 8;
const PRUNE_END = 18;
const FINAL_SPARSITY = 0.75;

// Each fault shifts a few of the sensor channels; the rest is sensor noise and plant-to-plant
// variation.
const SIGNATURES = [
  [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
  [1.6, 1.2, 0, 0, 0, 0, -1.0, 0, 0.8, 0, 0, 0],
  [0, 0, 1.5, 1.3, 0, 0, 0, 0.9, 0, 0, -0.8, 0],
  [0, 0, 0, 0, 1.4, 1.6, 0.7, 0, 0, 0.9, 0, 0],
];
const SCALES = [2.0, 1.5, 0.8, 0.6, 40, 12, 5, 1.2, 0.3, 3, 0.9, 7];
const OFFSETS = [4, 3, 1.5, 1, 60, 35, 18, 2, 0.9, 10, 2.5, 20];

function readLog(n) {
  const xs = [];
  const ys = [];
  for (let i = 0; i < n; i++) {
    const state = rng.int(0, NUM_CLASSES);
    const load = rng.normal(0, 0.5);
    const row = SIGNATURES[state].map((shift, j) => OFFSETS[j] + SCALES[j] * (shift + 0.4 * load * (j % 3 === 0 ? 1 : -1) + rng.normal(0, 0.6)));
    xs.push(row);
    ys.push(state);
  }
  return { xs, ys };
}

function sparsityAt(epoch) {
  if (epoch < PRUNE_START) return 0;
  const progress = Math.min(1, (epoch - PRUNE_START) / (PRUNE_END - PRUNE_START));
  return FINAL_SPARSITY * (1 - Math.pow(1 - progress, 3));
}

// Zero the smallest-magnitude fraction of every dense kernel (biases are left alone).
function pruneKernels(model, sparsity) {
  for (const layer of model.layers) {
    const [kernel, bias] = layer.getWeights();
    const magnitudes = Array.from(kernel.abs().dataSync()).sort((a, b) => a - b);
    const threshold = magnitudes[Math.floor(sparsity * (magnitudes.length - 1))];
    const mask = kernel.abs().lessEqual(threshold);
    layer.setWeights([kernel.mul(mask.cast('float32')), bias]);
  }
}

function kernelSparsity(model) {
  let zeros = 0;
  let total = 0;
  for (const layer of model.layers) {
    const values = layer.getWeights()[0].dataSync();
    total += values.length;
    for (const v of values) if (v === 0) zeros += 1;
  }
  return zeros / total;
}

async function main() {
  await tf.setBackend('wasm');

  const train = readLog(N_TRAIN);
  const test = readLog(N_TEST);
  const xTrainRaw = tf.tensor2d(train.xs, [N_TRAIN, NUM_FEATURES]);
  const xTestRaw = tf.tensor2d(test.xs, [N_TEST, NUM_FEATURES]);
  const { mean, variance } = tf.moments(xTrainRaw, 0);
  const std = variance.sqrt().add(1e-6);
  const xTrain = xTrainRaw.sub(mean).div(std);
  const xTest = xTestRaw.sub(mean).div(std);
  const yTrain = tf.oneHot(tf.tensor1d(train.ys, 'int32'), NUM_CLASSES).cast('float32');
  const yTest = tf.oneHot(tf.tensor1d(test.ys, 'int32'), NUM_CLASSES).cast('float32');

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 64, activation: 'relu', inputShape: [NUM_FEATURES] }));
  model.add(tf.layers.dense({ units: 32, activation: 'relu' }));
  model.add(tf.layers.dense({ units: NUM_CLASSES, activation: 'softmax' }));
  model.compile({ optimizer: tf.train.adam(0.003), loss: 'categoricalCrossentropy', metrics: ['acc'] });

  const history = await model.fit(xTrain, yTrain, {
    epochs: EPOCHS,
    batchSize: 64,
    shuffle: true,
    verbose: 0,
    callbacks: {
      onEpochEnd: async (epoch) => {
        const sparsity = sparsityAt(epoch);
        if (sparsity > 0) tf.tidy(() => pruneKernels(model, sparsity));
      },
    },
  });

  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testAcc] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[PRUNE_START].toFixed(3)} (before pruning) -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} | kernel sparsity ${kernelSparsity(model).toFixed(2)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
