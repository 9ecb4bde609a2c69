'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(5821);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Tiny segmentation: 8x8 grayscale images (0-255, like a decoded PNG) showing one bright
// rectangle on a noisy background, with a matching 0/255 mask. A small dense network maps the
// 64 pixels to 64 per-pixel foreground probabilities.
const SIZE = 8;
const PIXELS = SIZE * SIZE;

function makeImage() {
  const w = rng.int(2, 6);
  const h = rng.int(2, 6);
  const x0 = rng.int(0, SIZE - w + 1);
  const y0 = rng.int(0, SIZE - h + 1);
  const image = new Uint8Array(PIXELS);
  const mask = new Uint8Array(PIXELS);
  for (let y = 0; y < SIZE; y++) {
    for (let x = 0; x < SIZE; x++) {
      const inside = x >= x0 && x < x0 + w && y >= y0 && y < y0 + h;
      const value = (inside ? 170 : 80) + rng.normal(0, 30);
      image[y * SIZE + x] = Math.max(0, Math.min(255, Math.round(value)));
      mask[y * SIZE + x] = inside ? 255 : 0;
    }
  }
  return { image, mask };
}

function makeSet(n) {
  const images = [];
  const masks = [];
  for (let i = 0; i < n; i++) {
    const { image, mask } = makeImage();
    images.push(Array.from(image));
    masks.push(Array.from(mask));
  }
  const xs = tf.tensor2d(images, [n, PIXELS]).div(255);
  const ys = tf.tensor2d(masks, [n, PIXELS]).div(255);
  return { xs, ys };
}

async function main() {
  await tf.setBackend('wasm');

  const train = makeSet(800);
  const test = makeSet(300);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 128, activation: 'relu', inputShape: [PIXELS] }));
  model.add(tf.layers.dense({ units: 128, activation: 'relu' }));
  model.add(tf.layers.dense({ units: PIXELS, activation: 'sigmoid' }));
  model.compile({ optimizer: tf.train.adam(0.002), loss: 'binaryCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(train.xs, train.ys, { epochs: 20, batchSize: 32, shuffle: true, verbose: 0 });

  // Pixel accuracy and IoU of the thresholded prediction on the held-out images.
  const [testLoss, testAcc] = model.evaluate(test.xs, test.ys).map((t) => t.dataSync()[0]);
  const iou = tf.tidy(() => {
    const pred = model.predict(test.xs).greater(0.5);
    const truth = test.ys.greater(0.5);
    const inter = pred.logicalAnd(truth).sum().toFloat();
    const union = pred.logicalOr(truth).sum().toFloat();
    return inter.div(union).dataSync()[0];
  });

  const h = history.history;
  const last = h.loss.length - 1;
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)} test IoU ${iou.toFixed(3)}`);
}

main();
