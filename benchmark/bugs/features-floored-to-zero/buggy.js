'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(8163);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Tiny 10x10 grayscale "glyph" classifier with a dense network on the flattened pixels.
// Each image holds one stroke (horizontal bar, vertical bar, diagonal or anti-diagonal) at a
// random position with random ink brightness, on a dim noisy background. Pixels are 0..255
// integers, as they would come out of an image decoder.
const SIZE = 10;
const NUM_CLASSES = 4;

function drawGlyph(c) {
  const img = rng.array(SIZE * SIZE, () => rng.int(0, 40));
  const ink = () => rng.int(120, 256);
  const pos = rng.int(1, SIZE - 1);
  const shift = rng.int(-2, 3);
  for (let i = 0; i < SIZE; i++) {
    if (c === 0) img[pos * SIZE + i] = ink();
    if (c === 1) img[i * SIZE + pos] = ink();
    const j = i + shift;
    if (j >= 0 && j < SIZE) {
      if (c === 2) img[i * SIZE + j] = ink();
      if (c === 3) img[i * SIZE + (SIZE - 1 - j)] = ink();
    }
  }
  return img;
}

function preprocess(img) {
  return img.map((p) => Math.floor(p / 255));
}

function makeSet(n) {
  const xs = [];
  const ys = [];
  for (let k = 0; k < n; k++) {
    const c = rng.int(0, NUM_CLASSES);
    xs.push(preprocess(drawGlyph(c)));
    ys.push(c);
  }
  return { xs, ys };
}

async function main() {
  await tf.setBackend('wasm');

  const train = makeSet(1200);
  const test = makeSet(400);
  const xTrain = tf.tensor2d(train.xs, [1200, SIZE * SIZE]);
  const yTrain = tf.oneHot(tf.tensor1d(train.ys, 'int32'), NUM_CLASSES);
  const xTest = tf.tensor2d(test.xs, [400, SIZE * SIZE]);
  const yTest = tf.oneHot(tf.tensor1d(test.ys, 'int32'), NUM_CLASSES);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 64, activation: 'relu', inputShape: [SIZE * SIZE] }));
  model.add(tf.layers.dense({ units: 32, activation: 'relu' }));
  model.add(tf.layers.dense({ units: NUM_CLASSES, activation: 'softmax' }));

  model.compile({ optimizer: tf.train.adam(0.002), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(xTrain, yTrain, { epochs: 20, batchSize: 32, shuffle: true, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testAcc] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
