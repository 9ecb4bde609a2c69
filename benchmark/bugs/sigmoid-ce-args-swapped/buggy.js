'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(4419);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Binary classifier trained with a hand-written loop. Each sample is a point in 10 standardized
// features; it is positive when two hidden linear scores have the same sign (an XOR-like rule).
// The network outputs a raw logit and the loss applies the sigmoid itself.
const NUM_FEATURES = 10;
const N_TRAIN = 1200;
const N_TEST = 400;
const BATCH = 32;
const EPOCHS = 25;

const dirA = rng.array(NUM_FEATURES, () => rng.normal(0, 1));
const dirB = rng.array(NUM_FEATURES, () => rng.normal(0, 1));

function makeData(n) {
  const xs = [];
  const ys = [];
  for (let i = 0; i < n; i++) {
    const x = rng.array(NUM_FEATURES, () => rng.normal(0, 1));
    const a = x.reduce((s, v, j) => s + v * dirA[j], 0);
    const b = x.reduce((s, v, j) => s + v * dirB[j], 0);
    xs.push(x);
    ys.push([a * b > 0 ? 1 : 0]);
  }
  return { xs, ys };
}

async function main() {
  await tf.setBackend('wasm');

  const train = makeData(N_TRAIN);
  const test = makeData(N_TEST);
  const xTrain = tf.tensor2d(train.xs, [N_TRAIN, NUM_FEATURES]);
  const yTrain = tf.tensor2d(train.ys, [N_TRAIN, 1]);
  const xTest = tf.tensor2d(test.xs, [N_TEST, NUM_FEATURES]);
  const yTest = tf.tensor2d(test.ys, [N_TEST, 1]);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [NUM_FEATURES] }));
  model.add(tf.layers.dense({ units: 32, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 1 }));

  const optimizer = tf.train.adam(0.01);

  const losses = [];
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    const order = tf.util.createShuffledIndices(N_TRAIN);
    let epochLoss = 0;
    let batches = 0;
    for (let start = 0; start < N_TRAIN; start += BATCH) {
      const idx = Array.from(order.slice(start, start + BATCH));
      const cost = tf.tidy(() => {
        const ids = tf.tensor1d(idx, 'int32');
        const xb = tf.gather(xTrain, ids);
        const yb = tf.gather(yTrain, ids);
        return optimizer.minimize(() => tf.losses.sigmoidCrossEntropy(model.predict(xb), yb), true);
      });
      epochLoss += cost.dataSync()[0];
      cost.dispose();
      batches++;
    }
    losses.push(epochLoss / batches);
  }

  const evaluate = (x, y) => tf.tidy(() => {
    const logits = model.predict(x);
    const loss = tf.losses.sigmoidCrossEntropy(y, logits).dataSync()[0];
    const acc = logits.greater(0).cast('float32').equal(y).mean().dataSync()[0];
    return [loss, acc];
  });
  const [, trainAcc] = evaluate(xTrain, yTrain);
  const [testLoss, testAcc] = evaluate(xTest, yTest);
  console.log(`loss ${losses[0].toFixed(3)} -> ${losses[losses.length - 1].toFixed(3)} acc ${trainAcc.toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
