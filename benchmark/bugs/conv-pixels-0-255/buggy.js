'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(4821);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Tiny grayscale "shapes" dataset: 12x12 8-bit images on a noisy dark background,
// each showing one bright shape at a random spot: a horizontal bar, a vertical bar or a
// hollow square. Small conv net, softmax over the 3 shapes, plain SGD.
const SIZE = 12;
const CLASSES = ['hbar', 'vbar', 'square'];

function drawImage(label) {
  const img = rng.array(SIZE * SIZE, () => rng.int(0, 60));
  const set = (r, c) => {
    img[r * SIZE + c] = rng.int(180, 256);
  };
  const r0 = rng.int(1, SIZE - 5);
  const c0 = rng.int(1, SIZE - 5);
  for (let k = 0; k < 4; k++) {
    if (label === 0) set(r0 + 2, c0 + k);
    if (label === 1) set(r0 + k, c0 + 2);
    if (label === 2) {
      set(r0, c0 + k);
      set(r0 + 3, c0 + k);
      set(r0 + k, c0);
      set(r0 + k, c0 + 3);
    }
  }
  return img;
}

function makeImages(n) {
  const pixels = [];
  const labels = [];
  for (let i = 0; i < n; i++) {
    const label = rng.int(0, CLASSES.length);
    pixels.push(...drawImage(label));
    labels.push(label);
  }
  const xs = tf.tensor4d(pixels, [n, SIZE, SIZE, 1]);
  const ys = tf.oneHot(tf.tensor1d(labels, 'int32'), CLASSES.length).toFloat();
  return { xs, ys };
}

async function main() {
  await tf.setBackend('cpu');

  const train = makeImages(320);
  const test = makeImages(200);

  const model = tf.sequential();
  model.add(tf.layers.conv2d({ inputShape: [SIZE, SIZE, 1], filters: 6, kernelSize: 3, activation: 'relu' }));
  model.add(tf.layers.maxPooling2d({ poolSize: 2 }));
  model.add(tf.layers.flatten());
  model.add(tf.layers.dense({ units: CLASSES.length, activation: 'softmax' }));
  model.compile({ optimizer: tf.train.sgd(0.1), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(train.xs, train.ys, { epochs: 12, batchSize: 16, shuffle: true, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testAcc] = model.evaluate(test.xs, test.ys).map((t) => t.dataSync()[0]);
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
