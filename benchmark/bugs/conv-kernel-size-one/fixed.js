'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(8164);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Small CNN that tells horizontal bars from vertical bars in 10x10 grayscale images. Every image
// has one bar of random length, position and brightness on a faint noisy background.
const SIZE = 10;

function drawBar(vertical) {
  const img = rng.array(SIZE * SIZE, () => rng.uniform(0, 0.2));
  const length = rng.int(4, 8);
  const brightness = rng.uniform(0.6, 1);
  const fixedAt = rng.int(0, SIZE);
  const start = rng.int(0, SIZE - length + 1);
  for (let k = start; k < start + length; k++) {
    const row = vertical ? k : fixedAt;
    const col = vertical ? fixedAt : k;
    img[row * SIZE + col] = brightness;
  }
  return img;
}

function makeImages(n) {
  const pixels = [];
  const labels = [];
  for (let i = 0; i < n; i++) {
    const vertical = rng.random() < 0.5;
    pixels.push(...drawBar(vertical));
    labels.push(vertical ? [0, 1] : [1, 0]);
  }
  return { xs: tf.tensor4d(pixels, [n, SIZE, SIZE, 1]), ys: tf.tensor2d(labels, [n, 2]) };
}

async function main() {
  await tf.setBackend('cpu');

  const train = makeImages(300);
  const test = makeImages(200);

  const model = tf.sequential();
  model.add(tf.layers.conv2d({ filters: 8, kernelSize: 3, activation: 'relu', padding: 'same', inputShape: [SIZE, SIZE, 1] }));
  model.add(tf.layers.globalAveragePooling2d({}));
  model.add(tf.layers.dense({ units: 16, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 2, activation: 'softmax' }));

  model.compile({ optimizer: tf.train.adam(0.01), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(train.xs, train.ys, { epochs: 10, batchSize: 32, shuffle: true, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testAcc] = model.evaluate(test.xs, test.ys).map((t) => t.dataSync()[0]);
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
