'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(9694);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');
const { strokeDigits } = require('../../lib/digits');

// Handwritten digit reader for scanned order forms: each 28x28 grayscale crop of a digit box is
// classified 0-9 by a small MLP. The scanner export is an IDX-style file, one byte per pixel,
// which the loader copies into a single pixel buffer and scales to [0, 1] before building the tensors.
const IMAGE_SIZE = 28 * 28;
const NUM_CLASSES = 10;
const N_TRAIN = 1500;
const N_TEST = 500;

// stands in for reading the scanner's export: n crops of raw 0-255 bytes plus their one-hot labels
function loadDigits(n) {
  const { images, labels } = strokeDigits(rng, n, () => rng.int(0, NUM_CLASSES));
  const pixels = new Float32Array(n * IMAGE_SIZE);
  images.forEach((img, k) => pixels.set(img, k * IMAGE_SIZE));
  // scale to [0, 1] in place
  for (let i = 0; i < pixels.length; i++) pixels[i] = pixels[i] / 255;
  return { pixels, labels };
}

async function main() {
  await tf.setBackend('wasm');

  const train = loadDigits(N_TRAIN);
  const test = loadDigits(N_TEST);
  const xTrain = tf.tensor2d(train.pixels, [N_TRAIN, IMAGE_SIZE]);
  const yTrain = tf.tensor2d(train.labels, [N_TRAIN, NUM_CLASSES]);
  const xTest = tf.tensor2d(test.pixels, [N_TEST, IMAGE_SIZE]);
  const yTest = tf.tensor2d(test.labels, [N_TEST, NUM_CLASSES]);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 64, activation: 'relu', inputShape: [IMAGE_SIZE] }));
  model.add(tf.layers.dense({ units: NUM_CLASSES, activation: 'softmax' }));
  model.compile({ optimizer: tf.train.adam(0.001), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(xTrain, yTrain, { epochs: 12, batchSize: 32, shuffle: true, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testAcc] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
