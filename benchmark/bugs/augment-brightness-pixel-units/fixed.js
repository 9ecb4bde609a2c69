'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(6421);
const tf = require('@tensorflow/tfjs');

// Classify the symbol stamped on a 12x12 grayscale label crop: plus, cross, ring or bar.
// Crops come from a camera with varying exposure (ink 120..255 on a 0..60 background, 8-bit
// pixels), so the training crops get a random brightness jitter per image after scaling.
const SIZE = 12;
const SYMBOLS = ['plus', 'cross', 'ring', 'bar'];
const N_TRAIN = 320;
const N_TEST = 160;
const BRIGHTNESS = 30 / 255;

function drawSymbol(img, s, cx, cy, r, ink) {
  for (let y = 0; y < SIZE; y++) {
    for (let x = 0; x < SIZE; x++) {
      const dx = x - cx;
      const dy = y - cy;
      let on = false;
      if (s === 0) on = (Math.abs(dx) < 0.6 && Math.abs(dy) <= r) || (Math.abs(dy) < 0.6 && Math.abs(dx) <= r);
      else if (s === 1) on = Math.abs(Math.abs(dx) - Math.abs(dy)) < 0.6 && Math.abs(dx) <= r;
      else if (s === 2) on = Math.abs(Math.sqrt(dx * dx + dy * dy) - r) < 0.6;
      else on = Math.abs(dy) < 1 && Math.abs(dx) <= r;
      if (on) img[y * SIZE + x] = ink;
    }
  }
}

function makeCrops(n) {
  const pixels = [];
  const labels = [];
  for (let i = 0; i < n; i++) {
    const s = rng.int(0, SYMBOLS.length);
    const background = rng.uniform(0, 40);
    const img = rng.array(SIZE * SIZE, () => Math.min(60, Math.max(0, background + rng.normal(0, 10))));
    drawSymbol(img, s, rng.int(4, 8), rng.int(4, 8), rng.int(3, 5), rng.uniform(120, 255));
    pixels.push(...img);
    labels.push(s);
  }
  return { pixels, labels };
}

// random brightness: add one shift per image, keep pixels in range
function randomBrightness(xs) {
  const n = xs.shape[0];
  const shifts = tf.tensor4d(rng.array(n, () => rng.uniform(-BRIGHTNESS, BRIGHTNESS)), [n, 1, 1, 1]);
  return tf.clipByValue(xs.add(shifts), 0, 1);
}

async function main() {
  await tf.setBackend('cpu');

  const train = makeCrops(N_TRAIN);
  const test = makeCrops(N_TEST);
  const xTrain = tf.tensor4d(train.pixels, [N_TRAIN, SIZE, SIZE, 1]).div(255);
  const yTrain = tf.oneHot(tf.tensor1d(train.labels, 'int32'), SYMBOLS.length).toFloat();
  const xTest = tf.tensor4d(test.pixels, [N_TEST, SIZE, SIZE, 1]).div(255);
  const yTest = tf.oneHot(tf.tensor1d(test.labels, 'int32'), SYMBOLS.length).toFloat();
  const xTrainAug = randomBrightness(xTrain);

  const model = tf.sequential();
  model.add(tf.layers.conv2d({ filters: 8, kernelSize: 3, activation: 'relu', inputShape: [SIZE, SIZE, 1] }));
  model.add(tf.layers.maxPooling2d({ poolSize: 2 }));
  model.add(tf.layers.flatten());
  model.add(tf.layers.dense({ units: 16, activation: 'relu' }));
  model.add(tf.layers.dense({ units: SYMBOLS.length, activation: 'softmax' }));
  model.compile({ optimizer: tf.train.adam(0.01), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(xTrainAug, yTrain, { epochs: 15, batchSize: 32, shuffle: true, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testAcc] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
