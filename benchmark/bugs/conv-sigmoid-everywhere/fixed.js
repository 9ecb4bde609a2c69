'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(3917);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Tiny stroke recogniser: 8x8 grayscale images with a short horizontal, vertical or diagonal
// stroke at a random position on a noisy background (class 0 / 1 / 2). One conv layer with
// max pooling, a small dense layer and a softmax output, trained with plain SGD.
const SIZE = 8;
const STROKE = 4;
const NUM_CLASSES = 3;

function drawImage(c) {
  const img = rng.array(SIZE * SIZE, () => rng.normal(0, 0.2));
  const pos = rng.int(1, SIZE - 1);
  const off = rng.int(0, SIZE - STROKE + 1);
  const off2 = rng.int(0, SIZE - STROKE + 1);
  for (let k = 0; k < STROKE; k++) {
    if (c === 0) img[pos * SIZE + off + k] += 1;
    else if (c === 1) img[(off + k) * SIZE + pos] += 1;
    else img[(off + k) * SIZE + off2 + k] += 1;
  }
  return img;
}

function makeSet(n) {
  const xs = [];
  const ys = [];
  for (let i = 0; i < n; i++) {
    const c = rng.int(0, NUM_CLASSES);
    xs.push(...drawImage(c));
    ys.push([0, 1, 2].map((k) => (k === c ? 1 : 0)));
  }
  return { xs: tf.tensor4d(xs, [n, SIZE, SIZE, 1]), ys: tf.tensor2d(ys, [n, NUM_CLASSES]) };
}

async function main() {
  await tf.setBackend('cpu');

  const train = makeSet(300);
  const test = makeSet(200);

  const model = tf.sequential();
  model.add(tf.layers.conv2d({ filters: 8, kernelSize: 3, activation: 'relu', inputShape: [SIZE, SIZE, 1] }));
  model.add(tf.layers.maxPooling2d({ poolSize: 2 }));
  model.add(tf.layers.flatten());
  model.add(tf.layers.dense({ units: 16, activation: 'relu' }));
  model.add(tf.layers.dense({ units: NUM_CLASSES, activation: 'softmax' }));

  model.compile({ optimizer: tf.train.sgd(0.2), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(train.xs, train.ys, { epochs: 12, batchSize: 16, shuffle: true, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testAcc] = model.evaluate(test.xs, test.ys).map((t) => t.dataSync()[0]);
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
