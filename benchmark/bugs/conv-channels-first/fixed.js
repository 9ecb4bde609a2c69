'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(3917);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Tetromino recognizer: a 12x12 grayscale patch holds one small block piece (T, L, J, S or Z)
// somewhere on a noisy background. A 3x3 conv layer finds the piece, global max pooling makes the
// answer independent of where it is, and a small dense head names it.
const SIZE = 12;
const PIECES = {
  T: [[0, 0], [0, 1], [0, 2], [1, 1]],
  L: [[0, 0], [1, 0], [2, 0], [2, 1]],
  J: [[0, 1], [1, 1], [2, 1], [2, 0]],
  S: [[0, 1], [0, 2], [1, 0], [1, 1]],
  Z: [[0, 0], [0, 1], [1, 1], [1, 2]],
};
const NAMES = Object.keys(PIECES);
const N_TRAIN = 150;
const N_TEST = 150;
// shape of one patch as stored by the exporter (single gray channel)
const IMAGE_SHAPE = [SIZE, SIZE, 1];

function makePatches(n) {
  const pixels = [];
  const labels = [];
  for (let i = 0; i < n; i++) {
    const c = rng.int(0, NAMES.length);
    const cells = PIECES[NAMES[c]];
    const h = Math.max(...cells.map(([r]) => r)) + 1;
    const w = Math.max(...cells.map(([, col]) => col)) + 1;
    const top = rng.int(0, SIZE - h + 1);
    const left = rng.int(0, SIZE - w + 1);
    const ink = rng.uniform(0.6, 1);
    const img = rng.array(SIZE * SIZE, () => Math.abs(rng.normal(0, 0.1)));
    for (const [r, col] of cells) img[(top + r) * SIZE + left + col] = ink;
    pixels.push(...img);
    labels.push(c);
  }
  return {
    xs: tf.tensor4d(pixels, [n, ...IMAGE_SHAPE]),
    ys: tf.oneHot(tf.tensor1d(labels, 'int32'), NAMES.length).toFloat(),
  };
}

async function main() {
  await tf.setBackend('cpu');

  const train = makePatches(N_TRAIN);
  const test = makePatches(N_TEST);

  const model = tf.sequential();
  model.add(tf.layers.conv2d({ filters: 8, kernelSize: 3, padding: 'same', activation: 'relu', inputShape: IMAGE_SHAPE }));
  model.add(tf.layers.globalMaxPooling2d({}));
  model.add(tf.layers.dense({ units: 32, activation: 'relu' }));
  model.add(tf.layers.dense({ units: NAMES.length, activation: 'softmax' }));
  model.compile({ optimizer: tf.train.adam(0.01), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(train.xs, train.ys, { epochs: 20, batchSize: 32, shuffle: true, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testAcc] = model.evaluate(test.xs, test.ys).map((t) => t.dataSync()[0]);
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
