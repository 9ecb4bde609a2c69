'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(5821);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// 8x8 grayscale "stroke" images (0-255 pixels) in four classes: a horizontal line, a vertical
// line, a diagonal and an anti-diagonal, each drawn at a random offset on a noisy background.
// Images and labels go through a tf.data pipeline and the dense classifier is trained with
// model.fitDataset.
const SIZE = 8;
const CLASSES = ['horizontal', 'vertical', 'diagonal', 'anti-diagonal'];

function drawImage(cls) {
  const img = rng.array(SIZE * SIZE, () => rng.int(0, 90));
  const offset = rng.int(0, SIZE);
  const shift = rng.int(-2, 3);
  for (let i = 0; i < SIZE; i++) {
    let r;
    let c;
    if (cls === 0) [r, c] = [offset, i];
    else if (cls === 1) [r, c] = [i, offset];
    else if (cls === 2) [r, c] = [i, i + shift];
    else [r, c] = [i, SIZE - 1 - i + shift];
    if (c >= 0 && c < SIZE) img[r * SIZE + c] = rng.int(150, 256);
  }
  return img;
}

function makeImages(n) {
  const pixels = [];
  const classIds = [];
  for (let i = 0; i < n; i++) {
    const cls = rng.int(0, CLASSES.length);
    pixels.push(drawImage(cls));
    classIds.push(cls);
  }
  return { pixels, classIds };
}

function toDataset({ pixels, classIds }) {
  const images = tf.data.array(pixels).map((p) => tf.tensor1d(p, 'int32'));
  const labels = tf.data.array(classIds).map((c) => tf.oneHot(c, CLASSES.length));
  const toFloat = (t) => t.toFloat().div(255);
  return tf.data.zip({ xs: images, ys: labels }).map(({ xs, ys }) => ({ xs: toFloat(xs), ys: ys.toFloat() }));
}

async function main() {
  await tf.setBackend('wasm');

  const train = makeImages(800);
  const test = makeImages(400);
  const trainDs = toDataset(train).shuffle(800).batch(32);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 64, activation: 'relu', inputShape: [SIZE * SIZE] }));
  model.add(tf.layers.dense({ units: 32, activation: 'relu' }));
  model.add(tf.layers.dense({ units: CLASSES.length, activation: 'softmax' }));
  model.compile({ optimizer: tf.train.sgd(0.1), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });

  const history = await model.fitDataset(trainDs, { epochs: 15, verbose: 0 });

  const xTest = tf.tensor2d(test.pixels, [test.pixels.length, SIZE * SIZE]).div(255);
  const yTest = tf.oneHot(tf.tensor1d(test.classIds, 'int32'), CLASSES.length).toFloat();
  const [testLoss, testAcc] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  const h = history.history;
  const last = h.loss.length - 1;
  console.log(`loss ${h.loss[0].toFixed(4)} -> ${h.loss[last].toFixed(4)} acc ${h.acc[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
