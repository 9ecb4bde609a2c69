'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(5821);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Activity recognition from summary statistics of a wrist accelerometer window: 10 standardized
// features per window, 4 activities (sitting, walking, running, cycling). Each activity has a
// signature direction in feature space and a window belongs to the activity whose signature it
// matches best. Small MLP trained with a hand-written mini-batch loop; the number of epochs can be
// set from the environment.
const ACTIVITIES = ['sitting', 'walking', 'running', 'cycling'];
const NUM_FEATURES = 10;
const BATCH_SIZE = 64;
const EPOCHS = parseInt(process.env.EPOCHS || '30', 10);

const signatures = ACTIVITIES.map(() => rng.array(NUM_FEATURES, () => rng.normal(0, 1)));

function makeWindows(n) {
  const xs = [];
  const labels = [];
  for (let i = 0; i < n; i++) {
    const x = rng.array(NUM_FEATURES, () => rng.normal(0, 1));
    const scores = signatures.map((s) => s.reduce((acc, w, j) => acc + w * x[j], 0));
    xs.push(x);
    labels.push(scores.indexOf(Math.max(...scores)));
  }
  return { xs, labels };
}

async function main() {
  await tf.setBackend('wasm');

  const train = makeWindows(1024);
  const test = makeWindows(400);
  const xTrain = tf.tensor2d(train.xs);
  const yTrain = tf.oneHot(tf.tensor1d(train.labels, 'int32'), ACTIVITIES.length).toFloat();
  const xTest = tf.tensor2d(test.xs);
  const yTest = tf.oneHot(tf.tensor1d(test.labels, 'int32'), ACTIVITIES.length).toFloat();

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [NUM_FEATURES] }));
  model.add(tf.layers.dense({ units: 16, activation: 'relu' }));
  model.add(tf.layers.dense({ units: ACTIVITIES.length, activation: 'softmax' }));

  const optimizer = tf.train.adam(0.01);
  const numBatches = Math.ceil(train.xs.length / BATCH_SIZE);

  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    const order = tf.util.createShuffledIndices(train.xs.length);
    for (let b = 0; b < numBatches; b++) {
      const idx = Array.from(order.slice(b * BATCH_SIZE, (b + 1) * BATCH_SIZE));
      tf.tidy(() => {
        const ids = tf.tensor1d(idx, 'int32');
        const xb = xTrain.gather(ids);
        const yb = yTrain.gather(ids);
        optimizer.minimize(() => tf.metrics.categoricalCrossentropy(yb, model.apply(xb, { training: true })).mean());
      });
    }
  }

  const evaluate = (x, y) => tf.tidy(() => {
    const p = model.predict(x);
    const loss = tf.metrics.categoricalCrossentropy(y, p).mean().dataSync()[0];
    const acc = p.argMax(-1).equal(y.argMax(-1)).mean().dataSync()[0];
    return [loss, acc];
  });
  const [trainLoss, trainAcc] = evaluate(xTrain, yTrain);
  const [testLoss, testAcc] = evaluate(xTest, yTest);
  console.log(`train loss ${trainLoss.toFixed(3)} acc ${trainAcc.toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
