'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(5527);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Household electricity load forecasting: next-hour load (standardized) from 16 standardized
// features (recent loads, temperature, hour-of-day encodings, ...). Small MLP trained with a
// custom loop so the global gradient norm can be monitored per epoch.
const N_FEATURES = 16;
const N_TRAIN = 2000;
const N_TEST = 500;
const BATCH = 32;
const EPOCHS = 20;

function makeHours(n) {
  const xs = [];
  const ys = [];
  for (let i = 0; i < n; i++) {
    const f = rng.array(N_FEATURES, () => rng.normal(0, 1));
    const load = 0.8 * f[0] + 0.4 * f[1] - 0.5 * Math.abs(f[2]) + 0.3 * f[3] * f[4] + 0.3 * Math.sin(2 * f[5]) + rng.normal(0, 0.1);
    xs.push(f);
    ys.push([load]);
  }
  return { xs, ys };
}

async function main() {
  await tf.setBackend('wasm');

  const train = makeHours(N_TRAIN);
  const test = makeHours(N_TEST);
  const xTrain = tf.tensor2d(train.xs, [N_TRAIN, N_FEATURES]);
  const yTrain = tf.tensor2d(train.ys, [N_TRAIN, 1]);
  const xTest = tf.tensor2d(test.xs, [N_TEST, N_FEATURES]);
  const yTest = tf.tensor2d(test.ys, [N_TEST, 1]);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 64, activation: 'relu', inputShape: [N_FEATURES] }));
  model.add(tf.layers.dense({ units: 32, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 1 }));
  const optimizer = tf.train.adam(0.003);

  function trainStep(batchIdx) {
    const idx = tf.tensor1d(batchIdx, 'int32');
    const xb = xTrain.gather(idx);
    const yb = yTrain.gather(idx);
    const { value, grads } = tf.variableGrads(() => tf.losses.meanSquaredError(yb, model.apply(xb, { training: true })));
    const gradNorm = tf.addN(Object.values(grads).map((g) => g.square().sum())).sqrt();
    optimizer.applyGradients(grads);
    return { loss: value.dataSync()[0], gradNorm: gradNorm.dataSync()[0] };
  }

  const tensorsAtStart = tf.memory().numTensors;
  const epochLosses = [];
  const epochNorms = [];
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    const order = tf.util.createShuffledIndices(N_TRAIN);
    let lossSum = 0;
    let normSum = 0;
    let steps = 0;
    for (let start = 0; start < N_TRAIN; start += BATCH) {
      const batchIdx = Array.from(order.slice(start, start + BATCH));
      const stats = tf.tidy(() => trainStep(batchIdx));
      lossSum += stats.loss;
      normSum += stats.gradNorm;
      steps++;
    }
    epochLosses.push(lossSum / steps);
    epochNorms.push(normSum / steps);
  }
  const mem = tf.memory();

  const trainMse = tf.tidy(() => tf.losses.meanSquaredError(yTrain, model.predict(xTrain)).dataSync()[0]);
  const testMse = tf.tidy(() => tf.losses.meanSquaredError(yTest, model.predict(xTest)).dataSync()[0]);
  const testVar = tf.tidy(() => tf.moments(yTest).variance.dataSync()[0]);
  console.log(`loss ${epochLosses[0].toFixed(3)} -> ${epochLosses[EPOCHS - 1].toFixed(3)} grad norm ${epochNorms[0].toFixed(2)} -> ${epochNorms[EPOCHS - 1].toFixed(2)} | train mse ${trainMse.toFixed(3)} | test mse ${testMse.toFixed(3)} test r2 ${(1 - testMse / testVar).toFixed(3)} | tensors ${tensorsAtStart} -> ${mem.numTensors} (${(mem.numBytes / 1e6).toFixed(1)} MB)`);
}

main();
