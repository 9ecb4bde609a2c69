'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(3590);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Activity recognition from 12 summary features of a wearable sensor window (standardized),
// four activities. Custom training loop: shuffled mini-batches, tf.variableGrads and SGD.
const NUM_FEATURES = 12;
const NUM_CLASSES = 4;
const N_TRAIN = 1024;
const N_TEST = 256;
const BATCH = 32;
const EPOCHS = 25;
const LOSS_SCALE = 1024;

const prototypes = rng.array(NUM_CLASSES, () => rng.array(NUM_FEATURES, () => rng.normal(0, 0.8)));

function makeWindows(n) {
  const xs = [];
  const ys = [];
  for (let i = 0; i < n; i++) {
    const c = rng.int(0, NUM_CLASSES);
    const energy = rng.uniform(0.5, 1.5);
    xs.push(prototypes[c].map((p) => energy * p + rng.normal(0, 0.7)));
    ys.push(c);
  }
  return { xs, ys };
}

async function main() {
  await tf.setBackend('wasm');

  const train = makeWindows(N_TRAIN);
  const test = makeWindows(N_TEST);
  const xTrain = tf.tensor2d(train.xs, [N_TRAIN, NUM_FEATURES]);
  const yTrain = tf.oneHot(tf.tensor1d(train.ys, 'int32'), NUM_CLASSES).toFloat();
  const xTest = tf.tensor2d(test.xs, [N_TEST, NUM_FEATURES]);
  const yTest = tf.oneHot(tf.tensor1d(test.ys, 'int32'), NUM_CLASSES).toFloat();

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [NUM_FEATURES] }));
  model.add(tf.layers.dense({ units: 32, activation: 'relu' }));
  model.add(tf.layers.dense({ units: NUM_CLASSES }));

  const optimizer = tf.train.sgd(0.05);
  const numBatches = N_TRAIN / BATCH;
  const losses = [];
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    const order = tf.util.createShuffledIndices(N_TRAIN);
    let epochLoss = 0;
    for (let b = 0; b < numBatches; b++) {
      const idx = tf.tensor1d(Array.from(order.slice(b * BATCH, (b + 1) * BATCH)), 'int32');
      tf.tidy(() => {
        const xb = xTrain.gather(idx);
        const yb = yTrain.gather(idx);
        const { value, grads } = tf.variableGrads(() => tf.losses.softmaxCrossEntropy(yb, model.predict(xb)).mul(LOSS_SCALE));
        optimizer.applyGradients(grads);
        epochLoss += value.dataSync()[0] / LOSS_SCALE / numBatches;
      });
      idx.dispose();
    }
    losses.push(epochLoss);
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
