'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(3611);
const tf = require('@tensorflow/tfjs');

// Which way does the arrow sign point? 16x16 grayscale crops of a painted arrow (shaft + head)
// pointing up, right, down or left, at a random position, length and brightness on a noisy
// background. The crops come from a hand-held camera, so every epoch the training crops are
// randomly tilted a little (the tfjs counterpart of a RandomRotation layer).
const DIRECTIONS = ['up', 'right', 'down', 'left'];
const SIZE = 16;
const N_TRAIN = 200;
const N_TEST = 120;
const EPOCHS = 10;
const MAX_ROTATION = (15 * Math.PI) / 180;

function paint(img, x, y, v) {
  if (x >= 0 && x < SIZE && y >= 0 && y < SIZE) img[y * SIZE + x] = v;
}

function makeCrops(n) {
  const pixels = [];
  const labels = [];
  for (let i = 0; i < n; i++) {
    const dir = rng.int(0, DIRECTIONS.length);
    const len = rng.int(7, 11);
    const cx = rng.int(6, 10);
    const cy = rng.int(6, 10);
    const ink = rng.uniform(0.6, 1);
    const img = rng.array(SIZE * SIZE, () => Math.abs(rng.normal(0, 0.08)));
    // arrow drawn pointing right (+x), then mapped to its direction
    const draw = (u, v) => {
      const [dx, dy] = [[v, -u], [u, v], [-v, u], [-u, -v]][dir];
      paint(img, cx + dx, cy + dy, ink);
    };
    const tip = Math.floor(len / 2);
    for (let u = tip - len + 1; u <= tip; u++) draw(u, 0);
    for (let k = 1; k <= 3; k++) {
      draw(tip - k, k);
      draw(tip - k, -k);
    }
    pixels.push(...img);
    labels.push(dir);
  }
  return {
    xs: tf.tensor4d(pixels, [n, SIZE, SIZE, 1]),
    ys: tf.oneHot(tf.tensor1d(labels, 'int32'), DIRECTIONS.length).toFloat(),
  };
}

function augment(xs) {
  return tf.tidy(() => {
    const crops = tf.unstack(xs);
    const rotated = crops.map((img) => tf.image.rotateWithOffset(img.expandDims(0), rng.uniform(-1, 1) * MAX_ROTATION, 0));
    return tf.concat(rotated);
  });
}

async function main() {
  await tf.setBackend('cpu');

  const train = makeCrops(N_TRAIN);
  const test = makeCrops(N_TEST);

  const model = tf.sequential();
  model.add(tf.layers.conv2d({ filters: 8, kernelSize: 3, activation: 'relu', inputShape: [SIZE, SIZE, 1] }));
  model.add(tf.layers.maxPooling2d({ poolSize: 2 }));
  model.add(tf.layers.conv2d({ filters: 8, kernelSize: 3, activation: 'relu' }));
  model.add(tf.layers.maxPooling2d({ poolSize: 2 }));
  model.add(tf.layers.flatten());
  model.add(tf.layers.dense({ units: DIRECTIONS.length, activation: 'softmax' }));
  model.compile({ optimizer: tf.train.adam(0.01), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });

  const losses = [];
  let acc = 0;
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    const xAug = augment(train.xs);
    const history = await model.fit(xAug, train.ys, { epochs: 1, batchSize: 32, shuffle: true, verbose: 0 });
    xAug.dispose();
    losses.push(history.history.loss[0]);
    acc = history.history.acc[0];
  }

  const [testLoss, testAcc] = model.evaluate(test.xs, test.ys).map((t) => t.dataSync()[0]);
  console.log(`loss ${losses[0].toFixed(3)} -> ${losses[losses.length - 1].toFixed(3)} acc ${acc.toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
