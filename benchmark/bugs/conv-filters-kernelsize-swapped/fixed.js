'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(7311);
const tf = require('@tensorflow/tfjs');

// A warehouse robot reads the direction arrows painted on the floor: 16x16 grayscale crops from its
// downward camera, each with one small arrow (up, down, left or right) somewhere in the crop, of
// varying paint brightness, on a noisy concrete background. A small conv net with global max pooling
// classifies the direction wherever the arrow is.
const SIDE = 16;
const DIRECTIONS = ['up', 'down', 'left', 'right'];
const N_TRAIN = 250;
const N_TEST = 200;

const UP = ['..#..', '.###.', '#.#.#', '..#..', '..#..'];
const DOWN = UP.slice().reverse();
const LEFT = UP.map((_, r) => UP.map((row) => row[r]).join(''));
const RIGHT = LEFT.map((row) => row.split('').reverse().join(''));
const ARROWS = [UP, DOWN, LEFT, RIGHT];

function makeCrops(n) {
  const pixels = [];
  const labels = [];
  for (let i = 0; i < n; i++) {
    const dir = rng.int(0, DIRECTIONS.length);
    const crop = rng.array(SIDE * SIDE, () => rng.uniform(0, 0.25));
    const top = rng.int(0, SIDE - 4);
    const left = rng.int(0, SIDE - 4);
    const paint = rng.uniform(0.6, 1);
    ARROWS[dir].forEach((row, r) => row.split('').forEach((ch, c) => {
      if (ch === '#') crop[(top + r) * SIDE + left + c] = paint;
    }));
    pixels.push(...crop);
    labels.push(dir);
  }
  return { pixels, labels };
}

async function main() {
  await tf.setBackend('cpu');

  const train = makeCrops(N_TRAIN);
  const test = makeCrops(N_TEST);
  const xTrain = tf.tensor4d(train.pixels, [N_TRAIN, SIDE, SIDE, 1]);
  const yTrain = tf.oneHot(tf.tensor1d(train.labels, 'int32'), DIRECTIONS.length).toFloat();
  const xTest = tf.tensor4d(test.pixels, [N_TEST, SIDE, SIDE, 1]);
  const yTest = tf.oneHot(tf.tensor1d(test.labels, 'int32'), DIRECTIONS.length).toFloat();

  const model = tf.sequential();
  model.add(tf.layers.conv2d({ filters: 16, kernelSize: 3, activation: 'relu', inputShape: [SIDE, SIDE, 1] }));
  model.add(tf.layers.globalMaxPooling2d({}));
  model.add(tf.layers.dense({ units: DIRECTIONS.length, activation: 'softmax' }));
  model.compile({ optimizer: tf.train.adam(0.02), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(xTrain, yTrain, { epochs: 10, batchSize: 32, shuffle: true, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testAcc] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
