'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(5903);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Stroke-orientation classifier. Each 12x12 grayscale image has faint background noise and one
// short bright stroke (3 pixels) at a random position: horizontal, vertical, diagonal down or
// diagonal up. Conv layer, global max pooling, softmax over the 4 orientations, Adam.
const SIZE = 12;
const STROKE = 3;
const DIRECTIONS = [[0, 1], [1, 0], [1, 1], [1, -1]];

function drawImage(label) {
  const img = rng.array(SIZE * SIZE, () => rng.uniform(0, 0.2));
  const [dr, dc] = DIRECTIONS[label];
  const r0 = rng.int(0, SIZE - (STROKE - 1) * dr);
  const c0 = dc >= 0 ? rng.int(0, SIZE - (STROKE - 1) * dc) : rng.int(STROKE - 1, SIZE);
  for (let k = 0; k < STROKE; k++) {
    img[(r0 + k * dr) * SIZE + (c0 + k * dc)] = rng.uniform(0.8, 1);
  }
  return img;
}

function makeImages(n) {
  const pixels = [];
  const labels = [];
  for (let i = 0; i < n; i++) {
    const label = rng.int(0, DIRECTIONS.length);
    pixels.push(...drawImage(label));
    labels.push(label);
  }
  const xs = tf.tensor4d(pixels, [n, SIZE, SIZE, 1]);
  const ys = tf.oneHot(tf.tensor1d(labels, 'int32'), DIRECTIONS.length).toFloat();
  return { xs, ys };
}

async function main() {
  await tf.setBackend('cpu');

  const train = makeImages(320);
  const test = makeImages(200);

  const model = tf.sequential();
  model.add(tf.layers.conv2d({ inputShape: [SIZE, SIZE, 1], filters: 8, kernelSize: 3, strides: 1, activation: 'relu' }));
  model.add(tf.layers.globalMaxPooling2d({}));
  model.add(tf.layers.dense({ units: DIRECTIONS.length, activation: 'softmax' }));
  model.compile({ optimizer: tf.train.adam(0.01), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(train.xs, train.ys, { epochs: 10, batchSize: 32, shuffle: true, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testAcc] = model.evaluate(test.xs, test.ys).map((t) => t.dataSync()[0]);
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
