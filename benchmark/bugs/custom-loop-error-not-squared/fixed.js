'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(3907);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// House energy use (kWh/day, scaled to roughly unit range) from 6 standardized features: outside
// temperature, insulation score, floor area, occupants, etc. Hand-written training loop with
// shuffled mini-batches and optimizer.minimize on a small MLP.
const NUM_FEATURES = 6;
const N_TRAIN = 1000;
const N_TEST = 300;
const BATCH = 32;

function makeHouses(n) {
  const xs = [];
  const ys = [];
  for (let i = 0; i < n; i++) {
    const x = rng.array(NUM_FEATURES, () => rng.normal(0, 1));
    const y = 1.5 + 0.8 * x[0] - 0.5 * x[1] + 0.4 * x[2] * x[3] + 0.6 * Math.tanh(x[4]) + 0.3 * x[5] * x[5] + rng.normal(0, 0.1);
    xs.push(x);
    ys.push([y]);
  }
  return { xs, ys };
}

function meanSquaredError(pred, ys) {
  return tf.mean(pred.sub(ys).square());
}

async function main() {
  await tf.setBackend('wasm');

  const train = makeHouses(N_TRAIN);
  const test = makeHouses(N_TEST);
  const xTrain = tf.tensor2d(train.xs, [N_TRAIN, NUM_FEATURES]);
  const yTrain = tf.tensor2d(train.ys, [N_TRAIN, 1]);
  const xTest = tf.tensor2d(test.xs, [N_TEST, NUM_FEATURES]);
  const yTest = tf.tensor2d(test.ys, [N_TEST, 1]);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [NUM_FEATURES] }));
  model.add(tf.layers.dense({ units: 32, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 1 }));

  const optimizer = tf.train.adam(0.005);
  const numBatches = Math.floor(N_TRAIN / BATCH);
  const losses = [];
  for (let epoch = 0; epoch < 30; epoch++) {
    const order = tf.util.createShuffledIndices(N_TRAIN);
    let epochLoss = 0;
    for (let b = 0; b < numBatches; b++) {
      const batchLoss = tf.tidy(() => {
        const idx = tf.tensor1d(Int32Array.from(order.slice(b * BATCH, (b + 1) * BATCH)), 'int32');
        const xb = xTrain.gather(idx);
        const yb = yTrain.gather(idx);
        const loss = optimizer.minimize(() => meanSquaredError(model.predict(xb), yb), true);
        return loss.dataSync()[0];
      });
      epochLoss += batchLoss / numBatches;
    }
    losses.push(epochLoss);
  }

  const testMse = tf.tidy(() => tf.losses.meanSquaredError(yTest, model.predict(xTest)).dataSync()[0]);
  const targetVar = tf.tidy(() => tf.moments(yTest).variance.dataSync()[0]);
  const predMean = tf.tidy(() => model.predict(xTest).mean().dataSync()[0]);
  console.log(`loss ${losses[0].toFixed(3)} -> ${losses[losses.length - 1].toFixed(3)} | test mse ${testMse.toFixed(3)} (target var ${targetVar.toFixed(3)}, mean prediction ${predMean.toFixed(3)})`);
}

main();
