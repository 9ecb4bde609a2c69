'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(5907);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Four-class classifier trained with a custom loop (optimizer.minimize). Each sample has 6
// features from N(0, 1); the class is the quadrant of the point (x0 + x1, x2 - x3).
// The model outputs logits and the loss is tf.losses.softmaxCrossEntropy with label smoothing.
const NUM_CLASSES = 4;
const NUM_FEATURES = 6;
const N_TRAIN = 1200;
const N_TEST = 400;
const BATCH = 32;
const EPOCHS = 25;
const LEARNING_RATE = 0.005;
const LABEL_SMOOTHING = 0.1;

function makeData(n) {
  const xs = [];
  const labels = [];
  for (let i = 0; i < n; i++) {
    const x = rng.array(NUM_FEATURES, () => rng.normal(0, 1));
    const u = x[0] + x[1];
    const v = x[2] - x[3];
    xs.push(x);
    labels.push((u > 0 ? 1 : 0) + (v > 0 ? 2 : 0));
  }
  return { xs, labels };
}

async function main() {
  await tf.setBackend('wasm');

  const train = makeData(N_TRAIN);
  const test = makeData(N_TEST);
  const xTrain = tf.tensor2d(train.xs, [N_TRAIN, NUM_FEATURES]);
  const yTrain = tf.oneHot(tf.tensor1d(train.labels, 'int32'), NUM_CLASSES).toFloat();
  const xTest = tf.tensor2d(test.xs, [N_TEST, NUM_FEATURES]);
  const yTest = tf.oneHot(tf.tensor1d(test.labels, 'int32'), NUM_CLASSES).toFloat();

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [NUM_FEATURES] }));
  model.add(tf.layers.dense({ units: 32, activation: 'relu' }));
  model.add(tf.layers.dense({ units: NUM_CLASSES }));

  const optimizer = tf.train.adam(LEARNING_RATE);
  const lossFn = (x, y) => tf.losses.softmaxCrossEntropy(y, model.predict(x), undefined, LABEL_SMOOTHING);

  const losses = [];
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    const order = tf.util.createShuffledIndices(N_TRAIN);
    let total = 0;
    let batches = 0;
    for (let start = 0; start < N_TRAIN; start += BATCH) {
      const ids = tf.tensor1d(Array.from(order.slice(start, start + BATCH)), 'int32');
      const xb = xTrain.gather(ids);
      const yb = yTrain.gather(ids);
      const cost = optimizer.minimize(() => lossFn(xb, yb), true);
      total += cost.dataSync()[0];
      batches++;
      tf.dispose([ids, xb, yb, cost]);
    }
    losses.push(total / batches);
  }

  const evaluate = (x, y) => tf.tidy(() => {
    const logits = model.predict(x);
    const loss = tf.losses.softmaxCrossEntropy(y, logits).dataSync()[0];
    const acc = logits.argMax(-1).equal(y.argMax(-1)).mean().dataSync()[0];
    return [loss, acc];
  });
  const [, trainAcc] = evaluate(xTrain, yTrain);
  const [testLoss, testAcc] = evaluate(xTest, yTest);
  console.log(`loss ${losses[0].toFixed(3)} -> ${losses[losses.length - 1].toFixed(3)} acc ${trainAcc.toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
