'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(3307);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Three-class classifier trained with a custom loop (optimizer.minimize) and our own mini-batching:
// every epoch the row order is reshuffled so the batches differ from epoch to epoch.
// Data: points in 6 features, the class given by the angle of (x0, x1) split into three sectors,
// the other four features being noise.
const NUM_FEATURES = 6;
const NUM_CLASSES = 3;
const N_TRAIN = 1200;
const N_TEST = 400;
const BATCH = 40;

function makeData(n) {
  const xs = [];
  const ys = [];
  for (let i = 0; i < n; i++) {
    const x = rng.array(NUM_FEATURES, () => rng.normal(0, 1));
    const angle = Math.atan2(x[1], x[0]) + Math.PI;
    const c = Math.min(NUM_CLASSES - 1, Math.floor(angle / ((2 * Math.PI) / NUM_CLASSES)));
    xs.push(x);
    ys.push(c);
  }
  return { xs, ys };
}

async function main() {
  await tf.setBackend('wasm');

  const train = makeData(N_TRAIN);
  const test = makeData(N_TEST);
  const xTrain = tf.tensor2d(train.xs, [N_TRAIN, NUM_FEATURES]);
  const yTrain = tf.oneHot(tf.tensor1d(train.ys, 'int32'), NUM_CLASSES).toFloat();
  const xTest = tf.tensor2d(test.xs, [N_TEST, NUM_FEATURES]);
  const yTest = tf.oneHot(tf.tensor1d(test.ys, 'int32'), NUM_CLASSES).toFloat();

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [NUM_FEATURES] }));
  model.add(tf.layers.dense({ units: 32, activation: 'relu' }));
  model.add(tf.layers.dense({ units: NUM_CLASSES, activation: 'softmax' }));

  const optimizer = tf.train.adam(0.005);
  const indices = Array.from({ length: N_TRAIN }, (_, i) => i);
  const numBatches = N_TRAIN / BATCH;
  const losses = [];
  for (let epoch = 0; epoch < 20; epoch++) {
    tf.util.shuffle(indices);
    let epochLoss = 0;
    for (let b = 0; b < numBatches; b++) {
      const idx = tf.tensor1d(indices.slice(b * BATCH, (b + 1) * BATCH), 'int32');
      const xb = tf.gather(xTrain, idx);
      const yb = yTrain.slice([b * BATCH, 0], [BATCH, NUM_CLASSES]);
      const cost = optimizer.minimize(() => tf.metrics.categoricalCrossentropy(yb, model.predict(xb)).mean(), true);
      epochLoss += cost.dataSync()[0] / numBatches;
      tf.dispose([idx, xb, yb, cost]);
    }
    losses.push(epochLoss);
  }

  const evaluate = (x, y) => tf.tidy(() => {
    const probs = model.predict(x);
    const loss = tf.metrics.categoricalCrossentropy(y, probs).mean().dataSync()[0];
    const acc = tf.metrics.categoricalAccuracy(y, probs).mean().dataSync()[0];
    return [loss, acc];
  });
  const [, trainAcc] = evaluate(xTrain, yTrain);
  const [testLoss, testAcc] = evaluate(xTest, yTest);
  console.log(`loss ${losses[0].toFixed(3)} -> ${losses[losses.length - 1].toFixed(3)} acc ${trainAcc.toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
