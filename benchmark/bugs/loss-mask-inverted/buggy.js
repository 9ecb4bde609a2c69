'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(5821);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Crop yield regression from 6 standardized field measurements (soil moisture, nitrogen, ...).
// About a third of the fields were never harvested/measured, so their yield is unknown: the
// target is stored as 0 for those rows and the loss is weighted by a 0/1 mask so that only
// measured fields count. Custom loop with optimizer.minimize; the test fields are all measured.
const N_TRAIN = 1200;
const N_TEST = 300;
const N_FEATURES = 6;
const BATCH = 32;
const EPOCHS = 25;

function makeFields(n, missingRate) {
  const x = [];
  const y = [];
  for (let i = 0; i < n; i++) {
    const f = rng.array(N_FEATURES, () => rng.normal(0, 1));
    const yieldT = 6 + 1.5 * f[0] + f[1] - 0.8 * f[2] * f[3] + 0.6 * Math.sin(2 * f[4]) + rng.normal(0, 0.3);
    x.push(f);
    y.push(rng.random() < missingRate ? 0 : yieldT);
  }
  return { x, y };
}

async function main() {
  await tf.setBackend('wasm');
  const train = makeFields(N_TRAIN, 0.35);
  const test = makeFields(N_TEST, 0);
  const xTrain = tf.tensor2d(train.x, [N_TRAIN, N_FEATURES]);
  const yTrain = tf.tensor2d(train.y, [N_TRAIN, 1]);
  const mask = tf.cast(tf.equal(yTrain, 0), 'float32');
  const xTest = tf.tensor2d(test.x, [N_TEST, N_FEATURES]);
  const yTest = tf.tensor2d(test.y, [N_TEST, 1]);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [N_FEATURES] }));
  model.add(tf.layers.dense({ units: 32, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 1 }));

  const optimizer = tf.train.adam(0.01);
  const losses = [];
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    const order = tf.util.createShuffledIndices(N_TRAIN);
    let epochLoss = 0;
    let numBatches = 0;
    for (let start = 0; start + BATCH <= N_TRAIN; start += BATCH) {
      const idx = tf.tensor1d(Array.from(order.slice(start, start + BATCH)), 'int32');
      const loss = optimizer.minimize(() => {
        const xb = tf.gather(xTrain, idx);
        const yb = tf.gather(yTrain, idx);
        const wb = tf.gather(mask, idx);
        return tf.losses.meanSquaredError(yb, model.predict(xb), wb);
      }, true);
      epochLoss += loss.dataSync()[0];
      numBatches++;
      loss.dispose();
      idx.dispose();
    }
    losses.push(epochLoss / numBatches);
  }

  const testMse = tf.tidy(() => tf.losses.meanSquaredError(yTest, model.predict(xTest)).dataSync()[0]);
  const variance = tf.tidy(() => tf.moments(yTest).variance.dataSync()[0]);
  const meanPred = tf.tidy(() => model.predict(xTest).mean().dataSync()[0]);
  console.log(`loss ${losses[0].toFixed(3)} -> ${losses[losses.length - 1].toFixed(3)} | test mse ${testMse.toFixed(3)} test r2 ${(1 - testMse / variance).toFixed(3)} mean prediction ${meanPred.toFixed(2)}`);
}

main();
