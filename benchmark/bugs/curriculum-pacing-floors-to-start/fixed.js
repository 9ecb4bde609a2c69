'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(9680);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Bearing fault detection on a test rig. Each run logs the horizontal and vertical shaft
// displacement (x, y, in tenths of a mm), shaft speed, housing temperature and load; a bearing is
// flagged faulty when its orbit energy x^2 + y^2 exceeds the rig's limit. The rig also logs how far
// the energy was from the limit, which we use as a difficulty score for curriculum learning:
// training starts on the clearest START fraction of the runs and the pool grows linearly to the
// whole set over the epochs. Held-out runs come from the same rig.
const N_TRAIN = 1200;
const N_TEST = 500;
const NUM_FEATURES = 5;
const ENERGY_LIMIT = 1.44;
const START = 0.15;
const EPOCHS = 20;

function logRuns(n) {
  const runs = [];
  for (let i = 0; i < n; i++) {
    const x = rng.normal(0, 1);
    const y = rng.normal(0, 1);
    const speed = rng.uniform(1200, 3600);
    const temperature = rng.normal(55, 8);
    const load = rng.uniform(0.5, 5);
    const energy = x * x + y * y;
    runs.push({
      features: [x, y, speed, temperature, load],
      faulty: energy > ENERGY_LIMIT ? 1 : 0,
      margin: Math.abs(energy - ENERGY_LIMIT),
    });
  }
  return runs;
}

function standardize(rows, stats) {
  return rows.map((r) => r.map((v, j) => (v - stats.mean[j]) / stats.std[j]));
}

function columnStats(rows) {
  const mean = rows[0].map((_, j) => rows.reduce((s, r) => s + r[j], 0) / rows.length);
  const std = mean.map((m, j) => Math.sqrt(rows.reduce((s, r) => s + (r[j] - m) ** 2, 0) / rows.length) + 1e-8);
  return { mean, std };
}

async function main() {
  await tf.setBackend('wasm');

  // easiest first: runs far from the energy limit
  const train = logRuns(N_TRAIN).sort((a, b) => b.margin - a.margin);
  const test = logRuns(N_TEST);
  const stats = columnStats(train.map((r) => r.features));
  const xTrain = tf.tensor2d(standardize(train.map((r) => r.features), stats), [N_TRAIN, NUM_FEATURES]);
  const yTrain = tf.tensor2d(train.map((r) => [r.faulty]), [N_TRAIN, 1]);
  const xTest = tf.tensor2d(standardize(test.map((r) => r.features), stats), [N_TEST, NUM_FEATURES]);
  const yTest = tf.tensor2d(test.map((r) => [r.faulty]), [N_TEST, 1]);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [NUM_FEATURES] }));
  model.add(tf.layers.dense({ units: 16, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 1, activation: 'sigmoid' }));
  model.compile({ optimizer: tf.train.adam(0.01), loss: 'binaryCrossentropy', metrics: ['accuracy'] });

  const losses = [];
  const accs = [];
  let poolSize = 0;
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    // linear pacing: START of the data at epoch 0, growing to all of it
    const fraction = Math.min(1, START + (epoch / EPOCHS) * (1 - START));
    poolSize = Math.round(fraction * N_TRAIN);
    const xPool = xTrain.slice([0, 0], [poolSize, NUM_FEATURES]);
    const yPool = yTrain.slice([0, 0], [poolSize, 1]);
    const h = await model.fit(xPool, yPool, { epochs: 1, batchSize: 32, shuffle: true, verbose: 0 });
    losses.push(h.history.loss[0]);
    accs.push(h.history.acc[0]);
    tf.dispose([xPool, yPool]);
  }

  const [testLoss, testAcc] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  const last = EPOCHS - 1;
  console.log(`loss ${losses[0].toFixed(3)} -> ${losses[last].toFixed(3)} acc ${accs[last].toFixed(3)} (last pool ${poolSize} runs) | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
