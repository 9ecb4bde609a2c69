'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(2964);
const tf = require('@tensorflow/tfjs');

// Classify the symbol on a 12x12 colour icon: plus, cross, ring or bar. Icons have a random
// dark background colour and a random bright ink colour (8-bit RGB). Standard preprocessing:
// scale the pixels to [0, 1], then subtract the per-channel dataset mean (ImageNet values).
const SIZE = 12;
const SYMBOLS = ['plus', 'cross', 'ring', 'bar'];
const N_TRAIN = 256;
const N_TEST = 160;
const CHANNEL_MEAN = [123.68, 116.78, 103.94];

function drawIcon(s, cx, cy, r, background, ink) {
  const img = [];
  for (let y = 0; y < SIZE; y++) {
    for (let x = 0; x < SIZE; x++) {
      const dx = x - cx;
      const dy = y - cy;
      let on = false;
      if (s === 0) on = (Math.abs(dx) < 0.6 && Math.abs(dy) <= r) || (Math.abs(dy) < 0.6 && Math.abs(dx) <= r);
      else if (s === 1) on = Math.abs(Math.abs(dx) - Math.abs(dy)) < 0.6 && Math.abs(dx) <= r;
      else if (s === 2) on = Math.abs(Math.sqrt(dx * dx + dy * dy) - r) < 0.6;
      else on = Math.abs(dy) < 1 && Math.abs(dx) <= r;
      const base = on ? ink : background;
      for (let c = 0; c < 3; c++) img.push(Math.min(255, Math.max(0, base[c] + rng.normal(0, 8))));
    }
  }
  return img;
}

function makeIcons(n) {
  const pixels = [];
  const labels = [];
  for (let i = 0; i < n; i++) {
    const s = rng.int(0, SYMBOLS.length);
    const background = rng.array(3, () => rng.uniform(0, 90));
    const ink = rng.array(3, () => rng.uniform(140, 255));
    pixels.push(...drawIcon(s, rng.int(4, 8), rng.int(4, 8), rng.int(3, 5), background, ink));
    labels.push(s);
  }
  return { pixels, labels };
}

function preprocess(pixels, n) {
  const images = tf.tensor4d(pixels, [n, SIZE, SIZE, 3]).div(255);
  return images.sub(tf.tensor1d(CHANNEL_MEAN));
}

async function main() {
  await tf.setBackend('cpu');

  const train = makeIcons(N_TRAIN);
  const test = makeIcons(N_TEST);
  const xTrain = preprocess(train.pixels, N_TRAIN);
  const yTrain = tf.oneHot(tf.tensor1d(train.labels, 'int32'), SYMBOLS.length).toFloat();
  const xTest = preprocess(test.pixels, N_TEST);
  const yTest = tf.oneHot(tf.tensor1d(test.labels, 'int32'), SYMBOLS.length).toFloat();

  const model = tf.sequential();
  model.add(tf.layers.conv2d({ filters: 8, kernelSize: 3, activation: 'relu', inputShape: [SIZE, SIZE, 3] }));
  model.add(tf.layers.maxPooling2d({ poolSize: 2 }));
  model.add(tf.layers.flatten());
  model.add(tf.layers.dense({ units: 16, activation: 'relu' }));
  model.add(tf.layers.dense({ units: SYMBOLS.length, activation: 'softmax' }));
  model.compile({ optimizer: tf.train.adam(0.005), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(xTrain, yTrain, { epochs: 10, batchSize: 32, shuffle: true, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testAcc] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
