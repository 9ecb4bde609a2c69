'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(5521);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Wheat-kernel variety classification (3 varieties) from 7 standardized geometric measurements
// (area, perimeter, compactness, length, width, asymmetry, groove length). Small MLP trained with
// a hand-written loop: tf.variableGrads for the cross-entropy, element-wise gradient clipping so a
// bad batch cannot blow up the weights, then an Adam step.
const VARIETIES = ['Kama', 'Rosa', 'Canadian'];
const N_FEATURES = 7;
const N_TRAIN = 900;
const N_TEST = 300;
const BATCH = 32;
const EPOCHS = 30;
const CLIP = 1.0;

const centers = VARIETIES.map(() => rng.array(N_FEATURES, () => rng.normal(0, 1)));

function makeKernels(n) {
  const xs = [];
  const labels = [];
  for (let i = 0; i < n; i++) {
    const c = rng.int(0, VARIETIES.length);
    const size = rng.normal(0, 0.6);
    xs.push(centers[c].map((m, j) => m + (j < 4 ? size : 0) + rng.normal(0, 0.8)));
    labels.push(c);
  }
  return { xs, labels };
}

async function main() {
  await tf.setBackend('wasm');

  const train = makeKernels(N_TRAIN);
  const test = makeKernels(N_TEST);
  const xTrain = tf.tensor2d(train.xs, [N_TRAIN, N_FEATURES]);
  const yTrain = tf.oneHot(tf.tensor1d(train.labels, 'int32'), VARIETIES.length).toFloat();
  const xTest = tf.tensor2d(test.xs, [N_TEST, N_FEATURES]);
  const yTest = tf.oneHot(tf.tensor1d(test.labels, 'int32'), VARIETIES.length).toFloat();

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [N_FEATURES] }));
  model.add(tf.layers.dense({ units: 16, activation: 'relu' }));
  model.add(tf.layers.dense({ units: VARIETIES.length, activation: 'softmax' }));

  const optimizer = tf.train.adam(0.01);

  const losses = [];
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    const order = tf.util.createShuffledIndices(N_TRAIN);
    let epochLoss = 0;
    let batches = 0;
    for (let start = 0; start < N_TRAIN; start += BATCH) {
      const idx = Array.from(order.slice(start, start + BATCH));
      const loss = tf.tidy(() => {
        const ids = tf.tensor1d(idx, 'int32');
        const xb = tf.gather(xTrain, ids);
        const yb = tf.gather(yTrain, ids);
        const { value, grads } = tf.variableGrads(() => tf.metrics.categoricalCrossentropy(yb, model.predict(xb)).mean());
        const clipped = {};
        for (const name of Object.keys(grads)) clipped[name] = tf.clipByValue(grads[name], 0, CLIP);
        optimizer.applyGradients(clipped);
        return value;
      });
      epochLoss += loss.dataSync()[0];
      loss.dispose();
      batches++;
    }
    losses.push(epochLoss / batches);
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
