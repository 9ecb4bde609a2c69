'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(5821);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Three concentric rings in the plane (inner disc, middle ring, outer ring), trained with a
// hand-written mini-batch loop around optimizer.minimize. Adam with an exponential learning-rate
// decay so the late epochs take smaller steps.
const N_TRAIN = 960;
const N_TEST = 300;
const N_CLASSES = 3;
const BATCH = 32;
const EPOCHS = 40;
const LR_DECAY = 0.9;

function makeRings(n) {
  const x = [];
  const labels = [];
  for (let i = 0; i < n; i++) {
    const c = rng.int(0, N_CLASSES);
    const r = c + rng.uniform(0.1, 0.9);
    const angle = rng.uniform(0, 2 * Math.PI);
    x.push([r * Math.cos(angle), r * Math.sin(angle)]);
    labels.push(c);
  }
  return { x, labels };
}

async function main() {
  await tf.setBackend('wasm');
  const train = makeRings(N_TRAIN);
  const test = makeRings(N_TEST);
  const xTrain = tf.tensor2d(train.x, [N_TRAIN, 2]);
  const yTrain = tf.oneHot(tf.tensor1d(train.labels, 'int32'), N_CLASSES).toFloat();
  const xTest = tf.tensor2d(test.x, [N_TEST, 2]);
  const yTest = tf.oneHot(tf.tensor1d(test.labels, 'int32'), N_CLASSES).toFloat();

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [2] }));
  model.add(tf.layers.dense({ units: 32, activation: 'relu' }));
  model.add(tf.layers.dense({ units: N_CLASSES, activation: 'softmax' }));

  const optimizer = tf.train.adam(0.01);
  const lossFn = (x, y) => tf.metrics.categoricalCrossentropy(y, model.predict(x)).mean();
  const numBatches = N_TRAIN / BATCH;
  const losses = [];
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    let epochLoss = 0;
    for (let b = 0; b < numBatches; b++) {
      const cost = tf.tidy(() => {
        const xb = xTrain.slice([b * BATCH, 0], [BATCH, 2]);
        const yb = yTrain.slice([b * BATCH, 0], [BATCH, N_CLASSES]);
        return optimizer.minimize(() => lossFn(xb, yb), true);
      });
      epochLoss += cost.dataSync()[0] / numBatches;
      cost.dispose();
    }
    optimizer.learningRate *= LR_DECAY;
    losses.push(epochLoss);
  }

  const accuracy = (x, y) => tf.tidy(() => model.predict(x).argMax(-1).equal(y.argMax(-1)).mean().dataSync()[0]);
  const testLoss = tf.tidy(() => lossFn(xTest, yTest).dataSync()[0]);
  console.log(`loss ${losses[0].toFixed(3)} -> ${losses[losses.length - 1].toFixed(3)} acc ${accuracy(xTrain, yTrain).toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${accuracy(xTest, yTest).toFixed(3)}`);
}

main();
