'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(5101);
const tf = require('@tensorflow/tfjs');

// Stroke templates for the ten digits on a 14x14 canvas, as segments [x0, y0, x1, y1].
const SIZE = 14;
const STROKES = [
  [[4, 3, 9, 3], [9, 3, 9, 10], [9, 10, 4, 10], [4, 10, 4, 3]],
  [[7, 2, 7, 11], [5, 4, 7, 2]],
  [[4, 3, 9, 3], [9, 3, 9, 6], [9, 6, 4, 10], [4, 10, 9, 10]],
  [[4, 3, 9, 3], [9, 3, 9, 10], [6, 6, 9, 6], [4, 10, 9, 10]],
  [[4, 2, 4, 7], [4, 7, 10, 7], [8, 2, 8, 11]],
  [[9, 3, 4, 3], [4, 3, 4, 6], [4, 6, 9, 6], [9, 6, 9, 10], [9, 10, 4, 10]],
  [[9, 3, 4, 6], [4, 6, 4, 10], [4, 10, 9, 10], [9, 10, 9, 7], [9, 7, 4, 7]],
  [[4, 3, 10, 3], [10, 3, 6, 11]],
  [[4, 3, 9, 3], [4, 3, 4, 10], [9, 3, 9, 10], [4, 6, 9, 6], [4, 10, 9, 10]],
  [[9, 6, 4, 6], [4, 6, 4, 3], [4, 3, 9, 3], [9, 3, 9, 10], [9, 10, 5, 10]],
];

// Digit-like images: the class template shifted by up to 1 px, with erased stroke pixels and speckle.
function makeDigits(n) {
  const images = new Float32Array(n * SIZE * SIZE);
  const labels = new Float32Array(n * 10);
  for (let i = 0; i < n; i++) {
    const digit = rng.int(0, 10);
    const dx = rng.int(-1, 2);
    const dy = rng.int(-1, 2);
    const base = i * SIZE * SIZE;
    for (const [x0, y0, x1, y1] of STROKES[digit]) {
      const steps = Math.max(Math.abs(x1 - x0), Math.abs(y1 - y0)) * 2;
      for (let s = 0; s <= steps; s++) {
        const px = Math.round(x0 + ((x1 - x0) * s) / steps) + dx;
        const py = Math.round(y0 + ((y1 - y0) * s) / steps) + dy;
        if (px >= 0 && px < SIZE && py >= 0 && py < SIZE && rng.random() > 0.1) images[base + py * SIZE + px] = rng.int(180, 256);
      }
    }
    for (let k = 0; k < 6; k++) images[base + rng.int(0, SIZE * SIZE)] = rng.int(0, 256);
    labels[i * 10 + digit] = 1;
  }
  return { images, labels };
}

async function main() {
  await tf.setBackend('cpu');

  const NTRAIN = 400;
  const NTEST = 300;
  const train = makeDigits(NTRAIN);
  const test = makeDigits(NTEST);
  const xTrain = tf.tensor4d(train.images, [NTRAIN, SIZE, SIZE, 1]).div(255);
  const yTrain = tf.tensor2d(train.labels, [NTRAIN, 10]);
  const xTest = tf.tensor4d(test.images, [NTEST, SIZE, SIZE, 1]).div(255);
  const yTest = tf.tensor2d(test.labels, [NTEST, 10]);

  const model = tf.sequential();
  model.add(tf.layers.conv2d({ inputShape: [SIZE, SIZE, 1], filters: 8, kernelSize: 3, activation: 'relu' }));
  model.add(tf.layers.maxPooling2d({ poolSize: 2 }));
  model.add(tf.layers.conv2d({ filters: 16, kernelSize: 3, activation: 'relu' }));
  model.add(tf.layers.maxPooling2d({ poolSize: 2 }));
  model.add(tf.layers.flatten());
  model.add(tf.layers.dense({ units: 10, activation: 'softmax' }));

  const optimizer = tf.train.adam(0.005);
  model.compile({ optimizer, loss: 'categoricalCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(xTrain, yTrain, { epochs: 10, batchSize: 32, validationSplit: 0.15, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testAcc] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  console.log(`loss ${h.loss[0].toFixed(4)} -> ${h.loss[last].toFixed(4)} val_acc ${h.val_acc[last].toFixed(3)} | held-out loss ${testLoss.toFixed(4)} accuracy ${testAcc.toFixed(3)}`);
}

main();
