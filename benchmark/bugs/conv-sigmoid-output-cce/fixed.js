'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(2719);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Stroke-direction classifier on 8x8 grayscale images: a short line segment that is
// horizontal, vertical, diagonal or anti-diagonal (classes 0-3), at a random position,
// on a noisy background. Small CNN, one-hot labels, cross-entropy written out as a function.
const SIZE = 8;
const NUM_CLASSES = 4;
const LEN = 4;
const DIRECTIONS = [[0, 1], [1, 0], [1, 1], [1, -1]];

function drawStroke(c) {
  const img = rng.array(SIZE * SIZE, () => rng.uniform(0, 0.4));
  const [dr, dc] = DIRECTIONS[c];
  const r0 = rng.int(0, SIZE - dr * (LEN - 1));
  const c0 = dc >= 0 ? rng.int(0, SIZE - dc * (LEN - 1)) : rng.int(LEN - 1, SIZE);
  for (let k = 0; k < LEN; k++) img[(r0 + dr * k) * SIZE + c0 + dc * k] = rng.uniform(0.7, 1);
  return img;
}

function makeDataset(n) {
  const pixels = [];
  const labels = [];
  for (let i = 0; i < n; i++) {
    const c = rng.int(0, NUM_CLASSES);
    pixels.push(...drawStroke(c));
    labels.push(c);
  }
  return {
    xs: tf.tensor4d(pixels, [n, SIZE, SIZE, 1]),
    ys: tf.oneHot(tf.tensor1d(labels, 'int32'), NUM_CLASSES),
  };
}

// cross-entropy between the one-hot labels and the predicted class probabilities
function crossEntropy(yTrue, yPred) {
  return tf.tidy(() => yTrue.mul(yPred.clipByValue(1e-7, 1).log()).sum(-1).neg().mean());
}

async function main() {
  await tf.setBackend('cpu');

  const train = makeDataset(400);
  const test = makeDataset(200);

  const model = tf.sequential();
  model.add(tf.layers.conv2d({ filters: 8, kernelSize: 3, activation: 'relu', inputShape: [SIZE, SIZE, 1] }));
  model.add(tf.layers.maxPooling2d({ poolSize: 2 }));
  model.add(tf.layers.flatten());
  model.add(tf.layers.dense({ units: 16, activation: 'relu' }));
  model.add(tf.layers.dense({ units: NUM_CLASSES, activation: 'softmax' }));

  model.compile({ optimizer: tf.train.adam(0.01), loss: crossEntropy, metrics: ['accuracy'] });

  const history = await model.fit(train.xs, train.ys, { epochs: 12, batchSize: 32, shuffle: true, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testAcc] = model.evaluate(test.xs, test.ys).map((t) => t.dataSync()[0]);
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
