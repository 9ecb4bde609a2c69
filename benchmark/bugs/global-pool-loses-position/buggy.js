'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(3958);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Gaze direction from tiny 12x12 grayscale eye crops: a dark 3x3 pupil on a brighter iris,
// and the class is where the pupil sits (0 up-left, 1 up-right, 2 down-left, 3 down-right).
// Crops vary in brightness and sensor noise.
const SIZE = 12;
const NUM_DIRECTIONS = 4;

function drawEye(direction) {
  const background = rng.uniform(0.55, 0.85);
  const img = rng.array(SIZE * SIZE, () => background + rng.normal(0, 0.08));
  const row = (direction < 2 ? 3 : 7) + rng.int(0, 2);
  const col = (direction % 2 === 0 ? 3 : 7) + rng.int(0, 2);
  for (let dr = -1; dr <= 1; dr++) {
    for (let dc = -1; dc <= 1; dc++) {
      img[(row + dr) * SIZE + (col + dc)] = rng.uniform(0, 0.15);
    }
  }
  return img;
}

function makeCrops(n) {
  const pixels = [];
  const labels = [];
  for (let i = 0; i < n; i++) {
    const direction = rng.int(0, NUM_DIRECTIONS);
    pixels.push(...drawEye(direction));
    labels.push(direction);
  }
  return {
    xs: tf.tensor4d(pixels, [n, SIZE, SIZE, 1]),
    ys: tf.oneHot(tf.tensor1d(labels, 'int32'), NUM_DIRECTIONS),
  };
}

async function main() {
  await tf.setBackend('cpu');

  const train = makeCrops(300);
  const test = makeCrops(200);

  const model = tf.sequential();
  model.add(tf.layers.conv2d({ inputShape: [SIZE, SIZE, 1], filters: 8, kernelSize: 3, activation: 'relu' }));
  model.add(tf.layers.globalAveragePooling2d({}));
  model.add(tf.layers.dense({ units: 16, activation: 'relu' }));
  model.add(tf.layers.dense({ units: NUM_DIRECTIONS, activation: 'softmax' }));
  model.compile({ optimizer: tf.train.adam(0.01), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(train.xs, train.ys, { epochs: 6, batchSize: 32, shuffle: true, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testAcc] = model.evaluate(test.xs, test.ys).map((t) => t.dataSync()[0]);
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
