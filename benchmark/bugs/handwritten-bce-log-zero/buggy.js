'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(4417);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Two interleaved half-moons in 2-D (plus 4 pure-noise features), binary labels. Small MLP with a
// sigmoid output trained in a custom loop with a hand-written binary cross-entropy.
const N_TRAIN = 800;
const N_TEST = 400;
const NUM_FEATURES = 6;
const BATCH = 32;
const EPOCHS = 40;

function makeMoons(n) {
  const xs = [];
  const ys = [];
  for (let i = 0; i < n; i++) {
    const label = rng.int(0, 2);
    const t = rng.uniform(0, Math.PI);
    const x0 = label === 0 ? Math.cos(t) : 1 - Math.cos(t);
    const x1 = label === 0 ? Math.sin(t) : 0.5 - Math.sin(t);
    const row = [x0 + rng.normal(0, 0.1), x1 + rng.normal(0, 0.1)];
    for (let k = 2; k < NUM_FEATURES; k++) row.push(rng.normal(0, 1));
    xs.push(row);
    ys.push([label]);
  }
  return { xs, ys };
}

function bce(y, p) {
  const logP = tf.log(p);
  const logOneMinusP = tf.log(tf.sub(1, p));
  return tf.neg(tf.add(tf.mul(y, logP), tf.mul(tf.sub(1, y), logOneMinusP))).mean();
}

async function main() {
  await tf.setBackend('wasm');

  const train = makeMoons(N_TRAIN);
  const test = makeMoons(N_TEST);
  const xTrain = tf.tensor2d(train.xs, [N_TRAIN, NUM_FEATURES]);
  const yTrain = tf.tensor2d(train.ys, [N_TRAIN, 1]);
  const xTest = tf.tensor2d(test.xs, [N_TEST, NUM_FEATURES]);
  const yTest = tf.tensor2d(test.ys, [N_TEST, 1]);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [NUM_FEATURES] }));
  model.add(tf.layers.dense({ units: 32, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 1, activation: 'sigmoid' }));

  const optimizer = tf.train.adam(0.02);
  const numBatches = Math.floor(N_TRAIN / BATCH);
  const losses = [];
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    const order = tf.util.createShuffledIndices(N_TRAIN);
    let epochLoss = 0;
    for (let b = 0; b < numBatches; b++) {
      const idx = tf.tensor1d(Int32Array.from(order.slice(b * BATCH, (b + 1) * BATCH)), 'int32');
      const xb = xTrain.gather(idx);
      const yb = yTrain.gather(idx);
      const loss = optimizer.minimize(() => bce(yb, model.predict(xb)), true);
      epochLoss += loss.dataSync()[0] / numBatches;
      tf.dispose([idx, xb, yb, loss]);
    }
    losses.push(epochLoss);
  }

  const accuracy = (x, y) => tf.tidy(() => model.predict(x).greater(0.5).cast('float32').equal(y).mean().dataSync()[0]);
  const testLoss = tf.tidy(() => bce(yTest, model.predict(xTest)).dataSync()[0]);
  console.log(`loss ${losses[0].toFixed(3)} -> ${losses[losses.length - 1].toFixed(3)} acc ${accuracy(xTrain, yTrain).toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${accuracy(xTest, yTest).toFixed(3)}`);
}

main();
