'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(8426);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Shape classifier on 10x10 grayscale images: a 3x3 filled square, a plus sign, an X or a
// hollow square (classes 0-3) drawn at a random spot on a noisy background.
const SIZE = 10;
const NUM_CLASSES = 4;
const SHAPES = [
  [1, 1, 1, 1, 1, 1, 1, 1, 1],
  [0, 1, 0, 1, 1, 1, 0, 1, 0],
  [1, 0, 1, 0, 1, 0, 1, 0, 1],
  [1, 1, 1, 1, 0, 1, 1, 1, 1],
];

function makeDataset(n) {
  const pixels = [];
  const labels = [];
  for (let i = 0; i < n; i++) {
    const c = rng.int(0, NUM_CLASSES);
    const img = rng.array(SIZE * SIZE, () => rng.uniform(0, 0.3));
    const row = rng.int(0, SIZE - 2);
    const col = rng.int(0, SIZE - 2);
    SHAPES[c].forEach((on, k) => {
      if (on) img[(row + Math.floor(k / 3)) * SIZE + col + (k % 3)] = 1;
    });
    pixels.push(...img);
    labels.push(c);
  }
  return {
    xs: tf.tensor4d(pixels, [n, SIZE, SIZE, 1]),
    ys: tf.oneHot(tf.tensor1d(labels, 'int32'), NUM_CLASSES),
  };
}

async function main() {
  await tf.setBackend('cpu');

  const train = makeDataset(400);
  const test = makeDataset(200);

  const model = tf.sequential();
  model.add(tf.layers.conv2d({ filters: 8, kernelSize: 3, activation: 'relu', inputShape: [SIZE, SIZE, 1] }));
  model.add(tf.layers.maxPooling2d({ poolSize: 2 }));
  model.add(tf.layers.flatten());
  model.add(tf.layers.dense({ units: 32, activation: 'relu' }));
  model.add(tf.layers.dense({ units: NUM_CLASSES, activation: 'softmax' }));

  model.compile({ optimizer: tf.train.adam(0.01), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(train.xs, train.ys, { epochs: 10, batchSize: 32, shuffle: true, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testAcc] = model.evaluate(test.xs, test.ys).map((t) => t.dataSync()[0]);
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
