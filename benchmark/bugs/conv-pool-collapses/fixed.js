'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(9164);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Occupancy zones from a 10x10 ceiling thermal sensor: one warm blob (a small square, bar or
// cross) shows up on a cool, slightly noisy background, and the label is which quadrant of the
// room it is in (0 top-left, 1 top-right, 2 bottom-left, 3 bottom-right). The two outer rows and
// columns of the sensor look at the walls, so a blob never comes closer than that to the edge.
const SIDE = 10;
const HALF = SIDE / 2;
const ZONES = 4;
const N_TRAIN = 400;
const N_TEST = 120;
const SHAPES = [
  [[0, 0], [0, 1], [1, 0], [1, 1]],
  [[0, 0], [0, 1], [0, 2]],
  [[0, 0], [1, 0], [2, 0]],
  [[0, 1], [1, 0], [1, 1], [1, 2], [2, 1]],
];

function makeFrames(n) {
  const pixels = [];
  const labels = [];
  for (let i = 0; i < n; i++) {
    const zone = rng.int(0, ZONES);
    const shape = SHAPES[rng.int(0, SHAPES.length)];
    const height = Math.max(...shape.map(([r]) => r)) + 1;
    const width = Math.max(...shape.map(([, c]) => c)) + 1;
    const top = (zone >= 2 ? HALF : 2) + rng.int(0, HALF - 1 - height);
    const left = (zone % 2 === 1 ? HALF : 2) + rng.int(0, HALF - 1 - width);
    const heat = rng.uniform(0.6, 1);
    const frame = rng.array(SIDE * SIDE, () => Math.abs(rng.normal(0, 0.05)));
    for (const [dr, dc] of shape) frame[(top + dr) * SIDE + left + dc] = heat;
    pixels.push(...frame);
    labels.push(zone);
  }
  return { pixels, labels };
}

async function main() {
  await tf.setBackend('cpu');

  const train = makeFrames(N_TRAIN);
  const test = makeFrames(N_TEST);
  const xTrain = tf.tensor4d(train.pixels, [N_TRAIN, SIDE, SIDE, 1]);
  const yTrain = tf.oneHot(tf.tensor1d(train.labels, 'int32'), ZONES).toFloat();
  const xTest = tf.tensor4d(test.pixels, [N_TEST, SIDE, SIDE, 1]);
  const yTest = tf.oneHot(tf.tensor1d(test.labels, 'int32'), ZONES).toFloat();

  const model = tf.sequential();
  model.add(tf.layers.conv2d({ filters: 6, kernelSize: 3, padding: 'same', activation: 'relu', inputShape: [SIDE, SIDE, 1] }));
  model.add(tf.layers.maxPooling2d({ poolSize: 2 }));
  model.add(tf.layers.flatten());
  model.add(tf.layers.dense({ units: 16, activation: 'relu' }));
  model.add(tf.layers.dense({ units: ZONES, activation: 'softmax' }));
  model.compile({ optimizer: tf.train.adam(0.01), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(xTrain, yTrain, { epochs: 15, batchSize: 32, shuffle: true, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testAcc] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
