'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(4417);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Tiny stroke classifier: 12x12 grayscale images (8-bit pixels, dark background, bright stroke)
// showing a horizontal, vertical or diagonal stroke at a random place. To make the model robust
// to exposure, every training image gets a random brightness shift before training; the test
// images are left as they are. Small conv net, softmax over the 3 classes, model.fit.
const SIZE = 12;
const NUM_CLASSES = 3;
const N_TRAIN = 300;
const N_TEST = 200;

function makeImage(cls) {
  const img = new Uint8Array(SIZE * SIZE);
  for (let i = 0; i < img.length; i++) img[i] = rng.int(0, 12);
  const row = rng.int(2, SIZE - 2);
  const col = rng.int(2, SIZE - 2);
  const len = rng.int(3, 6);
  const draw = (r, c) => {
    if (r >= 0 && r < SIZE && c >= 0 && c < SIZE) img[r * SIZE + c] = rng.int(200, 256);
  };
  for (let k = -len; k <= len; k++) {
    if (cls === 0) draw(row, col + k);
    else if (cls === 1) draw(row + k, col);
    else draw(row + k, col + k);
  }
  return img;
}

// Brightness augmentation: add the same offset to every pixel of a copy of the image.
function adjustBrightness(img, delta) {
  const out = new Uint8ClampedArray(img.length);
  for (let i = 0; i < img.length; i++) out[i] = img[i] + delta;
  return out;
}

function makeSet(n, augment) {
  const pixels = new Float32Array(n * SIZE * SIZE);
  const labels = [];
  for (let i = 0; i < n; i++) {
    const cls = rng.int(0, NUM_CLASSES);
    let img = makeImage(cls);
    if (augment) img = adjustBrightness(img, rng.int(-80, 81));
    pixels.set(img, i * SIZE * SIZE);
    labels.push([0, 1, 2].map((k) => (k === cls ? 1 : 0)));
  }
  const xs = tf.tensor4d(pixels, [n, SIZE, SIZE, 1]).div(255);
  const ys = tf.tensor2d(labels, [n, NUM_CLASSES]);
  return { xs, ys };
}

async function main() {
  await tf.setBackend('cpu');

  const train = makeSet(N_TRAIN, true);
  const test = makeSet(N_TEST, false);

  const model = tf.sequential();
  model.add(tf.layers.conv2d({ filters: 8, kernelSize: 3, activation: 'relu', inputShape: [SIZE, SIZE, 1] }));
  model.add(tf.layers.maxPooling2d({ poolSize: 2 }));
  model.add(tf.layers.flatten());
  model.add(tf.layers.dense({ units: NUM_CLASSES, activation: 'softmax' }));

  model.compile({ optimizer: tf.train.adam(0.01), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(train.xs, train.ys, { epochs: 10, batchSize: 32, shuffle: true, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testAcc] = model.evaluate(test.xs, test.ys).map((t) => t.dataSync()[0]);
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
