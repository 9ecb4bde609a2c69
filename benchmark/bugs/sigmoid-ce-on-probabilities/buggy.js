'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(3906);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// The XOR data set from the TensorFlow Playground: points in [-1, 1] x [-1, 1], label 1 when both
// coordinates have the same sign. Two hidden relu layers, trained with plain SGD in a custom loop
// (optimizer.minimize over shuffled mini-batches).
const N_TRAIN = 800;
const N_TEST = 400;
const BATCH = 32;
const EPOCHS = 20;

function makeXor(n) {
  const xs = [];
  const ys = [];
  for (let i = 0; i < n; i++) {
    const a = rng.uniform(-1, 1);
    const b = rng.uniform(-1, 1);
    xs.push([a, b]);
    ys.push([a * b > 0 ? 1 : 0]);
  }
  return { xs, ys };
}

async function main() {
  await tf.setBackend('wasm');

  const train = makeXor(N_TRAIN);
  const test = makeXor(N_TEST);
  const xTrain = tf.tensor2d(train.xs, [N_TRAIN, 2]);
  const yTrain = tf.tensor2d(train.ys, [N_TRAIN, 1]);
  const xTest = tf.tensor2d(test.xs, [N_TEST, 2]);
  const yTest = tf.tensor2d(test.ys, [N_TEST, 1]);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 16, activation: 'relu', inputShape: [2] }));
  model.add(tf.layers.dense({ units: 16, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 1, activation: 'sigmoid' }));

  const optimizer = tf.train.sgd(0.1);
  const numBatches = Math.floor(N_TRAIN / BATCH);
  const losses = [];
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    const order = tf.util.createShuffledIndices(N_TRAIN);
    let epochLoss = 0;
    for (let b = 0; b < numBatches; b++) {
      const batchLoss = tf.tidy(() => {
        const idx = tf.tensor1d(Int32Array.from(order.slice(b * BATCH, (b + 1) * BATCH)), 'int32');
        const xb = xTrain.gather(idx);
        const yb = yTrain.gather(idx);
        const loss = optimizer.minimize(() => tf.losses.sigmoidCrossEntropy(yb, model.predict(xb)), true);
        return loss.dataSync()[0];
      });
      epochLoss += batchLoss / numBatches;
    }
    losses.push(epochLoss);
  }

  const accuracy = (x, y) => tf.tidy(() => model.predict(x).greater(0.5).cast('float32').equal(y).mean().dataSync()[0]);
  const testLoss = tf.tidy(() => tf.losses.sigmoidCrossEntropy(yTest, model.predict(xTest)).dataSync()[0]);
  console.log(`loss ${losses[0].toFixed(3)} -> ${losses[losses.length - 1].toFixed(3)} acc ${accuracy(xTrain, yTrain).toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${accuracy(xTest, yTest).toFixed(3)}`);
}

main();
