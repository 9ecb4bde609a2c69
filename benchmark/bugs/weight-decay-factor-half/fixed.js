'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(8163);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Activity recognition from 12 summary statistics of a wearable's accelerometer window
// (walking / running / cycling / resting). Each activity has its own typical profile and windows
// vary around it. Small MLP trained with a hand-written mini-batch loop: Adam step, then
// weight decay on every trainable weight.
const ACTIVITIES = ['walking', 'running', 'cycling', 'resting'];
const N_FEATURES = 12;
const N_TRAIN = 1000;
const N_TEST = 400;

const EPOCHS = 25;
const BATCH_SIZE = 32;
const LEARNING_RATE = 0.005;
const DECAY = 1 - 5e-4;

const profiles = ACTIVITIES.map(() => rng.array(N_FEATURES, () => rng.normal(0, 1)));

function makeWindows(n) {
  const xs = [];
  const labels = [];
  for (let i = 0; i < n; i++) {
    const c = rng.int(0, ACTIVITIES.length);
    xs.push(profiles[c].map((m) => m + rng.normal(0, 0.9)));
    labels.push(c);
  }
  return { xs, labels };
}

async function main() {
  await tf.setBackend('wasm');

  const train = makeWindows(N_TRAIN);
  const test = makeWindows(N_TEST);
  const xTrain = tf.tensor2d(train.xs);
  const yTrain = tf.oneHot(tf.tensor1d(train.labels, 'int32'), ACTIVITIES.length).toFloat();
  const xTest = tf.tensor2d(test.xs);
  const yTest = tf.oneHot(tf.tensor1d(test.labels, 'int32'), ACTIVITIES.length).toFloat();

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [N_FEATURES] }));
  model.add(tf.layers.dense({ units: 32, activation: 'relu' }));
  model.add(tf.layers.dense({ units: ACTIVITIES.length, activation: 'softmax' }));

  const optimizer = tf.train.adam(LEARNING_RATE);
  const numBatches = Math.ceil(N_TRAIN / BATCH_SIZE);
  const losses = [];

  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    const order = tf.util.createShuffledIndices(N_TRAIN);
    let epochLoss = 0;
    for (let b = 0; b < numBatches; b++) {
      const batchIdx = Array.from(order.slice(b * BATCH_SIZE, (b + 1) * BATCH_SIZE));
      const cost = tf.tidy(() => {
        const idx = tf.tensor1d(batchIdx, 'int32');
        const xb = xTrain.gather(idx);
        const yb = yTrain.gather(idx);
        return optimizer.minimize(() => tf.metrics.categoricalCrossentropy(yb, model.apply(xb, { training: true })).mean(), true);
      });
      epochLoss += cost.dataSync()[0] / numBatches;
      cost.dispose();

      tf.tidy(() => {
        for (const v of model.trainableWeights) v.write(v.read().mul(DECAY));
      });
    }
    losses.push(epochLoss);
  }

  const evaluate = (x, y) =>
    tf.tidy(() => {
      const probs = model.predict(x);
      const loss = tf.metrics.categoricalCrossentropy(y, probs).mean().dataSync()[0];
      const acc = probs.argMax(-1).equal(y.argMax(-1)).mean().dataSync()[0];
      return [loss, acc];
    });
  const [trainLoss, trainAcc] = evaluate(xTrain, yTrain);
  const [testLoss, testAcc] = evaluate(xTest, yTest);
  console.log(`loss ${losses[0].toFixed(3)} -> ${losses[losses.length - 1].toFixed(3)} acc ${trainAcc.toFixed(3)} (eval loss ${trainLoss.toFixed(3)}) | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
