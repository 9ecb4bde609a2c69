'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(3907);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// House price regression (price in $1000s) from 8 standardized listing features, trained with a
// hand-written loop: tf.variableGrads for the MSE, element-wise gradient clipping to [-1, 1],
// then plain SGD. The last 200 listings are held out.
const N_TRAIN = 1000;
const N_TEST = 200;
const N_FEATURES = 8;
const BATCH = 32;
const EPOCHS = 60;
const CLIP_VALUE = 1;

function makeListings(n) {
  const x = [];
  const y = [];
  for (let i = 0; i < n; i++) {
    const f = rng.array(N_FEATURES, () => rng.normal(0, 1));
    const price = 300 + 60 * f[0] + 40 * f[1] - 30 * f[2] * f[3] + 20 * Math.abs(f[4]) + rng.normal(0, 10);
    x.push(f);
    y.push([price]);
  }
  return { x, y };
}

async function main() {
  await tf.setBackend('wasm');
  const data = makeListings(N_TRAIN + N_TEST);
  const xTrain = tf.tensor2d(data.x.slice(0, N_TRAIN), [N_TRAIN, N_FEATURES]);
  const yTrain = tf.tensor2d(data.y.slice(0, N_TRAIN), [N_TRAIN, 1]);
  const xTest = tf.tensor2d(data.x.slice(N_TRAIN), [N_TEST, N_FEATURES]);
  const yTest = tf.tensor2d(data.y.slice(N_TRAIN), [N_TEST, 1]);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [N_FEATURES] }));
  model.add(tf.layers.dense({ units: 32, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 1 }));

  const optimizer = tf.train.sgd(0.01);
  const losses = [];
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    let epochLoss = 0;
    let numBatches = 0;
    for (let start = 0; start + BATCH <= N_TRAIN; start += BATCH) {
      tf.tidy(() => {
        const xb = xTrain.slice([start, 0], [BATCH, N_FEATURES]);
        const yb = yTrain.slice([start, 0], [BATCH, 1]);
        const { value, grads } = tf.variableGrads(() => tf.losses.meanSquaredError(yb, model.predict(xb)));
        const clipped = {};
        for (const name of Object.keys(grads)) {
          clipped[name] = tf.clipByValue(grads[name], -CLIP_VALUE, CLIP_VALUE);
        }
        optimizer.applyGradients(grads);
        epochLoss += value.dataSync()[0];
        numBatches++;
      });
    }
    losses.push(epochLoss / numBatches);
  }

  const testMse = tf.tidy(() => tf.losses.meanSquaredError(yTest, model.predict(xTest)).dataSync()[0]);
  const variance = tf.tidy(() => tf.moments(yTest).variance.dataSync()[0]);
  console.log(`loss ${losses[0].toFixed(1)} -> ${losses[losses.length - 1].toFixed(1)} | test mse ${testMse.toFixed(1)} test r2 ${(1 - testMse / variance).toFixed(3)}`);
}

main();
