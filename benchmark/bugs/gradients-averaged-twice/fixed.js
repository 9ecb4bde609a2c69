'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(8153);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Custom training loop (tf.variableGrads + optimizer.applyGradients) for a 3-class classifier.
// Points in 2-D are labelled by which of three angular sectors they fall in; 4 extra noise
// features are appended. Plain SGD on shuffled mini-batches.
const NUM_FEATURES = 6;
const NUM_CLASSES = 3;
const N_TRAIN = 1536;
const N_TEST = 512;
const BATCH = 128;
const EPOCHS = 20;

function makeData(n) {
  const xs = [];
  const ys = [];
  for (let i = 0; i < n; i++) {
    const a = rng.normal(0, 1);
    const b = rng.normal(0, 1);
    const angle = Math.atan2(b, a) + Math.PI;
    const c = Math.min(NUM_CLASSES - 1, Math.floor(angle / ((2 * Math.PI) / NUM_CLASSES)));
    xs.push([a, b, ...rng.array(NUM_FEATURES - 2, () => rng.normal(0, 1))]);
    ys.push(rng.array(NUM_CLASSES, (k) => (k === c ? 1 : 0)));
  }
  return { xs, ys };
}

async function main() {
  await tf.setBackend('wasm');

  const train = makeData(N_TRAIN);
  const test = makeData(N_TEST);
  const xTrain = tf.tensor2d(train.xs, [N_TRAIN, NUM_FEATURES]);
  const yTrain = tf.tensor2d(train.ys, [N_TRAIN, NUM_CLASSES]);
  const xTest = tf.tensor2d(test.xs, [N_TEST, NUM_FEATURES]);
  const yTest = tf.tensor2d(test.ys, [N_TEST, NUM_CLASSES]);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [NUM_FEATURES] }));
  model.add(tf.layers.dense({ units: 32, activation: 'relu' }));
  model.add(tf.layers.dense({ units: NUM_CLASSES, activation: 'softmax' }));

  const optimizer = tf.train.sgd(0.1);
  const numBatches = N_TRAIN / BATCH;
  const losses = [];
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    const order = tf.util.createShuffledIndices(N_TRAIN);
    let epochLoss = 0;
    for (let b = 0; b < numBatches; b++) {
      tf.tidy(() => {
        const idx = tf.tensor1d(Array.from(order.slice(b * BATCH, (b + 1) * BATCH)), 'int32');
        const xb = xTrain.gather(idx);
        const yb = yTrain.gather(idx);
        const { value, grads } = tf.variableGrads(() => tf.metrics.categoricalCrossentropy(yb, model.predict(xb)).mean());
        // average the gradients over the batch
        const batchGrads = {};
        for (const name of Object.keys(grads)) {
          batchGrads[name] = grads[name];
        }
        optimizer.applyGradients(batchGrads);
        epochLoss += value.dataSync()[0] / numBatches;
      });
    }
    losses.push(epochLoss);
  }

  const accuracy = (x, y) => tf.tidy(() => model.predict(x).argMax(-1).equal(y.argMax(-1)).mean().dataSync()[0]);
  const testLoss = tf.tidy(() => tf.metrics.categoricalCrossentropy(yTest, model.predict(xTest)).mean().dataSync()[0]);
  console.log(`loss ${losses[0].toFixed(3)} -> ${losses[losses.length - 1].toFixed(3)} acc ${accuracy(xTrain, yTrain).toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${accuracy(xTest, yTest).toFixed(3)}`);
}

main();
