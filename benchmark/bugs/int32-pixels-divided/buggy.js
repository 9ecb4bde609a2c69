'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(5821);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Tiny 8x8 grayscale "scans" of four stroke shapes: horizontal bar, vertical bar, diagonal and
// anti-diagonal, at random offsets, with a dim noisy background. Gray levels are integers 0-255.
// Flattened images go into a small dense classifier.
const SIZE = 8;
const NUM_CLASSES = 4;
const N_TRAIN = 800;
const N_TEST = 200;

function drawShape(label) {
  const img = rng.array(SIZE * SIZE, () => Math.round(rng.uniform(10, 70)));
  const offset = rng.int(1, SIZE - 1);
  for (let i = 0; i < SIZE; i++) {
    let r;
    let c;
    if (label === 0) [r, c] = [offset, i];
    else if (label === 1) [r, c] = [i, offset];
    else if (label === 2) [r, c] = [i, i];
    else [r, c] = [i, SIZE - 1 - i];
    img[r * SIZE + c] = Math.round(rng.uniform(140, 240));
  }
  return img;
}

function makeImages(n) {
  const images = [];
  const labels = [];
  for (let k = 0; k < n; k++) {
    const label = rng.int(0, NUM_CLASSES);
    images.push(drawShape(label));
    labels.push(label);
  }
  return { images, labels };
}

async function main() {
  await tf.setBackend('wasm');

  const train = makeImages(N_TRAIN);
  const test = makeImages(N_TEST);

  const scale = (images) => images.map((img) => img.map((v) => v / 255));
  const xTrain = tf.tensor2d(scale(train.images), [N_TRAIN, SIZE * SIZE], 'int32');
  const yTrain = tf.oneHot(tf.tensor1d(train.labels, 'int32'), NUM_CLASSES).toFloat();
  const xTest = tf.tensor2d(scale(test.images), [N_TEST, SIZE * SIZE], 'int32');
  const yTest = tf.oneHot(tf.tensor1d(test.labels, 'int32'), NUM_CLASSES).toFloat();

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [SIZE * SIZE] }));
  model.add(tf.layers.dense({ units: NUM_CLASSES, activation: 'softmax' }));
  model.compile({ optimizer: tf.train.adam(0.01), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(xTrain, yTrain, { epochs: 20, batchSize: 32, shuffle: true, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testAcc] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
