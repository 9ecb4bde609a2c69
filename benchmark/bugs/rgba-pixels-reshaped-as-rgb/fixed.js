'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(9686);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Stock camera in a small warehouse: each 12x12 crop shows one crate on a grey shelf unit and
// the class is the crate's colour (red, green, blue) times the shelf it sits on (top, middle,
// bottom), nine classes. The crops come out of a canvas, so every image arrives the way
// getImageData returns it: a Uint8ClampedArray of RGBA bytes, row by row. A tiny CNN on the cpu
// backend (wasm cannot train convolutions) classifies them; later crops are the held-out set.
const H = 12;
const W = 12;
const COLOURS = [[220, 40, 40], [40, 200, 60], [50, 70, 230]];
const SHELVES = 3;
const CRATE = 3;
const N_CLASSES = COLOURS.length * SHELVES;
const N_TRAIN = 300;
const N_TEST = 200;

// an ImageData-like object for one crop of the given class
function renderCrop(label) {
  const colour = COLOURS[label % COLOURS.length];
  const shelf = Math.floor(label / COLOURS.length);
  const data = new Uint8ClampedArray(H * W * 4);
  for (let p = 0; p < H * W; p++) {
    const grey = rng.uniform(20, 90);
    data[4 * p] = grey + rng.normal(0, 10);
    data[4 * p + 1] = grey + rng.normal(0, 10);
    data[4 * p + 2] = grey + rng.normal(0, 10);
    data[4 * p + 3] = 255;
  }
  const shelfHeight = H / SHELVES;
  const top = shelf * shelfHeight + rng.int(0, shelfHeight - CRATE + 1);
  const left = rng.int(0, W - CRATE + 1);
  for (let r = top; r < top + CRATE; r++) {
    for (let c = left; c < left + CRATE; c++) {
      const p = r * W + c;
      for (let k = 0; k < 3; k++) data[4 * p + k] = colour[k] + rng.normal(0, 25);
    }
  }
  return { width: W, height: H, data };
}

// RGBA bytes -> [1, H, W, 3] tensor scaled to [0, 1]
function imageToTensor(image) {
  return tf.tidy(() => tf.tensor4d(image.data.filter((_, i) => i % 4 !== 3), [1, H, W, 3]).div(255));
}

function loadCrops(n) {
  const labels = [];
  const images = [];
  for (let i = 0; i < n; i++) {
    const label = rng.int(0, N_CLASSES);
    labels.push(label);
    images.push(imageToTensor(renderCrop(label)));
  }
  const xs = tf.concat(images);
  tf.dispose(images);
  const ys = tf.tidy(() => tf.oneHot(tf.tensor1d(labels, 'int32'), N_CLASSES).toFloat());
  return { xs, ys };
}

async function main() {
  await tf.setBackend('cpu');

  const train = loadCrops(N_TRAIN);
  const test = loadCrops(N_TEST);

  const model = tf.sequential();
  model.add(tf.layers.conv2d({ filters: 6, kernelSize: 3, padding: 'same', activation: 'relu', inputShape: [H, W, 3] }));
  model.add(tf.layers.maxPooling2d({ poolSize: 2 }));
  model.add(tf.layers.flatten());
  model.add(tf.layers.dense({ units: N_CLASSES, activation: 'softmax' }));
  model.compile({ optimizer: tf.train.adam(0.01), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(train.xs, train.ys, { epochs: 6, batchSize: 32, shuffle: true, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testAcc] = model.evaluate(test.xs, test.ys).map((t) => t.dataSync()[0]);
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)} (chance ${(1 / N_CLASSES).toFixed(3)})`);
}

main();
