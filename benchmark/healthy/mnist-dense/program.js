'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(5323);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Stroke templates for the ten digits on a 28x28 canvas, as segments [x0, y0, x1, y1].
const STROKES = [
  [[9, 6, 18, 6], [18, 6, 18, 21], [18, 21, 9, 21], [9, 21, 9, 6]],
  [[14, 5, 14, 22], [11, 8, 14, 5]],
  [[9, 6, 18, 6], [18, 6, 18, 13], [18, 13, 9, 21], [9, 21, 19, 21]],
  [[9, 6, 18, 6], [18, 6, 18, 21], [12, 13, 18, 13], [9, 21, 18, 21]],
  [[9, 5, 9, 14], [9, 14, 19, 14], [17, 5, 17, 22]],
  [[18, 6, 9, 6], [9, 6, 9, 13], [9, 13, 18, 13], [18, 13, 18, 21], [18, 21, 9, 21]],
  [[17, 6, 9, 13], [9, 13, 9, 21], [9, 21, 18, 21], [18, 21, 18, 14], [18, 14, 9, 14]],
  [[8, 6, 19, 6], [19, 6, 12, 22]],
  [[9, 6, 18, 6], [9, 6, 9, 21], [18, 6, 18, 21], [9, 13, 18, 13], [9, 21, 18, 21]],
  [[18, 13, 9, 13], [9, 13, 9, 6], [9, 6, 18, 6], [18, 6, 18, 21], [18, 21, 10, 21]],
];

// MNIST-like images (0..255): the class template shifted by up to 3 px, with erased stroke
// pixels and random speckle; labels one-hot.
function makeDigits(n) {
  const images = [];
  const labels = [];
  for (let i = 0; i < n; i++) {
    const digit = rng.int(0, 10);
    const dx = rng.int(-3, 4);
    const dy = rng.int(-3, 4);
    const img = new Array(784).fill(0);
    for (const [x0, y0, x1, y1] of STROKES[digit]) {
      const steps = Math.max(Math.abs(x1 - x0), Math.abs(y1 - y0)) * 2;
      for (let s = 0; s <= steps; s++) {
        const cx = Math.round(x0 + ((x1 - x0) * s) / steps) + dx;
        const cy = Math.round(y0 + ((y1 - y0) * s) / steps) + dy;
        for (const [ox, oy] of [[0, 0], [1, 0], [0, 1], [1, 1]]) {
          const px = cx + ox;
          const py = cy + oy;
          if (px >= 0 && px < 28 && py >= 0 && py < 28 && rng.random() > 0.15) img[py * 28 + px] = rng.int(180, 256);
        }
      }
    }
    for (let k = 0; k < 20; k++) img[rng.int(0, 784)] = rng.int(0, 256);
    images.push(img);
    labels.push(Array.from({ length: 10 }, (_, c) => (c === digit ? 1 : 0)));
  }
  return { images, labels };
}

async function main() {
  await tf.setBackend('wasm');
  const train = makeDigits(2000);
  const test = makeDigits(500);
  const xTrain = tf.tensor2d(train.images, [2000, 784]).div(255);
  const yTrain = tf.tensor2d(train.labels, [2000, 10]);
  const xTest = tf.tensor2d(test.images, [500, 784]).div(255);
  const yTest = tf.tensor2d(test.labels, [500, 10]);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 128, activation: 'relu', inputShape: [784] }));
  model.add(tf.layers.dropout({ rate: 0.2 }));
  model.add(tf.layers.dense({ units: 10, activation: 'softmax' }));
  model.compile({ optimizer: tf.train.rmsprop(0.001), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(xTrain, yTrain, { epochs: 5, batchSize: 32, validationSplit: 0.1, verbose: 0 });
  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testAcc] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} val_acc ${h.val_acc[last].toFixed(3)} | held-out loss ${testLoss.toFixed(3)} accuracy ${testAcc.toFixed(3)}`);
}

main();
