'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(6242);
const tf = require('@tensorflow/tfjs');

// Glyph recognition for a small LED-matrix display test rig: 12x12 grayscale camera crops, each
// showing one glyph (plus sign, cross, hollow square or a diagonal) lit at a random position and
// brightness on a noisy background. Two conv blocks, then a softmax over the four glyphs.
const SIZE = 12;
const GLYPHS = ['plus', 'cross', 'square', 'diagonal'];
const N_TRAIN = 300;
const N_TEST = 200;

function drawGlyph(glyph) {
  const img = rng.array(SIZE * SIZE, () => Math.abs(rng.normal(0, 0.15)));
  const ink = rng.uniform(0.6, 1);
  const r0 = rng.int(0, SIZE - 5);
  const c0 = rng.int(0, SIZE - 5);
  const set = (r, c) => {
    img[(r0 + r) * SIZE + c0 + c] = ink;
  };
  for (let k = 0; k < 5; k++) {
    if (glyph === 0) {
      set(2, k);
      set(k, 2);
    } else if (glyph === 1) {
      set(k, k);
      set(k, 4 - k);
    } else if (glyph === 2) {
      set(0, k);
      set(4, k);
      set(k, 0);
      set(k, 4);
    } else {
      set(k, k);
    }
  }
  return img;
}

function makeCrops(n) {
  const pixels = [];
  const labels = [];
  for (let i = 0; i < n; i++) {
    const glyph = rng.int(0, GLYPHS.length);
    pixels.push(...drawGlyph(glyph));
    labels.push(glyph);
  }
  return { pixels, labels };
}

async function main() {
  await tf.setBackend('cpu');

  const train = makeCrops(N_TRAIN);
  const test = makeCrops(N_TEST);
  const xTrain = tf.tensor4d(train.pixels, [N_TRAIN, SIZE, SIZE, 1]);
  const yTrain = tf.oneHot(tf.tensor1d(train.labels, 'int32'), GLYPHS.length).toFloat();
  const xTest = tf.tensor4d(test.pixels, [N_TEST, SIZE, SIZE, 1]);
  const yTest = tf.oneHot(tf.tensor1d(test.labels, 'int32'), GLYPHS.length).toFloat();

  const model = tf.sequential();
  model.add(tf.layers.conv2d({ filters: 8, kernelSize: 3, activation: 'softmax', inputShape: [SIZE, SIZE, 1] }));
  model.add(tf.layers.maxPooling2d({ poolSize: 2 }));
  model.add(tf.layers.conv2d({ filters: 16, kernelSize: 3, activation: 'softmax' }));
  model.add(tf.layers.flatten());
  model.add(tf.layers.dense({ units: GLYPHS.length, activation: 'softmax' }));
  model.compile({ optimizer: tf.train.adam(0.005), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(xTrain, yTrain, { epochs: 12, batchSize: 32, shuffle: true, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testAcc] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
