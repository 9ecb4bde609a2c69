'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(5183);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Direction of a wedge-shaped arrowhead on a 10x10 grayscale patch: label 1 if it points right,
// 0 if it points left. The wedge has a random size, position and brightness on a noisy background.
// Training set is doubled with mirrored copies of every patch.
const SIZE = 10;
const N_TRAIN = 200;
const N_TEST = 120;

function makePatches(n) {
  const pixels = [];
  const labels = [];
  for (let i = 0; i < n; i++) {
    const right = rng.int(0, 2);
    const len = rng.int(3, 5);
    const mid = rng.int(len - 1, SIZE - len + 1);
    const start = rng.int(0, SIZE - len + 1);
    const ink = rng.uniform(0.6, 1);
    const img = rng.array(SIZE * SIZE, () => Math.abs(rng.normal(0, 0.1)));
    for (let j = 0; j < len; j++) {
      const half = right ? len - 1 - j : j;
      for (let r = mid - half; r <= mid + half; r++) img[r * SIZE + start + j] = ink;
    }
    pixels.push(...img);
    labels.push(right);
  }
  return {
    xs: tf.tensor4d(pixels, [n, SIZE, SIZE, 1]),
    ys: tf.tensor2d(labels, [n, 1]),
  };
}

async function main() {
  await tf.setBackend('cpu');

  const train = makePatches(N_TRAIN);
  const test = makePatches(N_TEST);

  // augmentation: append a horizontally flipped copy of each training patch
  const xAug = tf.concat([train.xs, tf.image.flipLeftRight(train.xs)]);
  const yAug = tf.concat([train.ys, train.ys]);

  const model = tf.sequential();
  model.add(tf.layers.conv2d({ filters: 6, kernelSize: 3, activation: 'relu', inputShape: [SIZE, SIZE, 1] }));
  model.add(tf.layers.maxPooling2d({ poolSize: 2 }));
  model.add(tf.layers.flatten());
  model.add(tf.layers.dense({ units: 16, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 1, activation: 'sigmoid' }));
  model.compile({ optimizer: tf.train.adam(0.003), loss: 'binaryCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(xAug, yAug, { epochs: 10, batchSize: 32, shuffle: true, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testAcc] = model.evaluate(test.xs, test.ys).map((t) => t.dataSync()[0]);
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
