'use strict';
// Bar-orientation classifier: 10x10 grayscale pictures (pixel values 0..255) showing a horizontal,
// a vertical or a diagonal bar on a noisy background, learned by a small conv net trained with SGD.
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(4817);
const tf = require('@tensorflow/tfjs');

const SIDE = 10;
const CLASSES = 3;
const N_TRAIN = 400;
const N_TEST = 100;

function drawBar(label) {
  const px = rng.array(SIDE * SIDE, () => rng.uniform(0, 70));
  const pos = rng.int(1, SIDE - 1);
  const start = rng.int(0, 3);
  const len = rng.int(6, 8);
  const ink = rng.uniform(160, 255);
  for (let k = start; k < Math.min(SIDE, start + len); k++) {
    const [r, c] = label === 0 ? [pos, k] : label === 1 ? [k, pos] : [k, (k + pos) % SIDE];
    px[r * SIDE + c] = ink;
  }
  return px.map((v) => Math.round(v));
}

function makeSet(n) {
  const labels = rng.array(n, () => rng.int(0, CLASSES));
  const pixels = [];
  for (const label of labels) pixels.push(...drawBar(label));
  return { pixels, labels };
}

// Scale raw 0..255 pixel values to [0, 1].
function toUnitRange(pixels) {
  return pixels.map((v) => v / 255);
}

async function main() {
  await tf.setBackend('cpu');
  const train = makeSet(N_TRAIN);
  const test = makeSet(N_TEST);
  const xTrain = tf.tensor4d(toUnitRange(train.pixels), [N_TRAIN, SIDE, SIDE, 1]).div(255);
  const yTrain = tf.oneHot(tf.tensor1d(train.labels, 'int32'), CLASSES).toFloat();
  const xTest = tf.tensor4d(toUnitRange(test.pixels), [N_TEST, SIDE, SIDE, 1]).div(255);
  const yTest = tf.oneHot(tf.tensor1d(test.labels, 'int32'), CLASSES).toFloat();

  const model = tf.sequential();
  model.add(tf.layers.conv2d({ filters: 6, kernelSize: 3, activation: 'relu', inputShape: [SIDE, SIDE, 1] }));
  model.add(tf.layers.maxPooling2d({ poolSize: 2 }));
  model.add(tf.layers.flatten());
  model.add(tf.layers.dense({ units: 16, activation: 'relu' }));
  model.add(tf.layers.dense({ units: CLASSES, activation: 'softmax' }));
  model.compile({ optimizer: tf.train.sgd(0.1), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(xTrain, yTrain, { epochs: 15, batchSize: 32, shuffle: true, verbose: 0 });
  const h = history.history;
  const [testLoss, testAcc] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[h.loss.length - 1].toFixed(3)} | train acc ${h.acc[h.acc.length - 1].toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
