'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(5309);
const tf = require('@tensorflow/tfjs');

// Sort 16x16 grayscale thumbnails of machined parts by outline: washer (ring), plate (square),
// bracket (triangle) or spacer (cross). Parts sit anywhere in the frame and are sometimes partly
// hidden by clamps, so training uses cutout augmentation: each epoch every training image gets one
// CUTOUT x CUTOUT square erased at a random place.
const SIZE = 16;
const PARTS = ['washer', 'plate', 'bracket', 'spacer'];
const N_TRAIN = 320;
const N_TEST = 160;
const EPOCHS = 10;
const CUTOUT = 16;

function drawPart(img, p, cx, cy, r, ink) {
  for (let y = 0; y < SIZE; y++) {
    for (let x = 0; x < SIZE; x++) {
      const dx = x - cx;
      const dy = y - cy;
      let on = false;
      if (p === 0) on = Math.abs(Math.sqrt(dx * dx + dy * dy) - r) < 0.7;
      else if (p === 1) on = Math.max(Math.abs(dx), Math.abs(dy)) <= r && Math.max(Math.abs(dx), Math.abs(dy)) > r - 1.2;
      else if (p === 2) on = dy <= r && dy >= -r && (Math.abs(dy - r) < 0.8 || Math.abs(Math.abs(dx) * 2 - (dy + r)) < 1.2) && Math.abs(dx) * 2 <= dy + r + 0.6;
      else on = (Math.abs(dx) < 0.8 && Math.abs(dy) <= r) || (Math.abs(dy) < 0.8 && Math.abs(dx) <= r);
      if (on) img[y * SIZE + x] = ink;
    }
  }
}

function makeThumbnails(n) {
  const pixels = [];
  const labels = [];
  for (let i = 0; i < n; i++) {
    const p = rng.int(0, PARTS.length);
    const img = rng.array(SIZE * SIZE, () => Math.min(1, Math.max(0, rng.normal(0.1, 0.05))));
    drawPart(img, p, rng.int(5, 11), rng.int(5, 11), rng.int(3, 6), rng.uniform(0.6, 1.0));
    pixels.push(...img);
    labels.push(p);
  }
  return { pixels, labels };
}

// cutout: erase one CUTOUT x CUTOUT square per image, placed uniformly inside the frame
function cutout(pixels, n) {
  const out = Float32Array.from(pixels);
  for (let i = 0; i < n; i++) {
    const top = rng.int(0, SIZE - CUTOUT + 1);
    const left = rng.int(0, SIZE - CUTOUT + 1);
    for (let y = top; y < top + CUTOUT; y++) {
      for (let x = left; x < left + CUTOUT; x++) out[i * SIZE * SIZE + y * SIZE + x] = 0;
    }
  }
  return out;
}

async function main() {
  await tf.setBackend('cpu');

  const train = makeThumbnails(N_TRAIN);
  const test = makeThumbnails(N_TEST);
  const yTrain = tf.oneHot(tf.tensor1d(train.labels, 'int32'), PARTS.length).toFloat();
  const xTest = tf.tensor4d(test.pixels, [N_TEST, SIZE, SIZE, 1]);
  const yTest = tf.oneHot(tf.tensor1d(test.labels, 'int32'), PARTS.length).toFloat();

  const model = tf.sequential();
  model.add(tf.layers.conv2d({ filters: 8, kernelSize: 3, activation: 'relu', inputShape: [SIZE, SIZE, 1] }));
  model.add(tf.layers.maxPooling2d({ poolSize: 2 }));
  model.add(tf.layers.flatten());
  model.add(tf.layers.dense({ units: 32, activation: 'relu' }));
  model.add(tf.layers.dense({ units: PARTS.length, activation: 'softmax' }));
  model.compile({ optimizer: tf.train.adam(0.005), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });

  const losses = [];
  let acc = 0;
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    const xAug = tf.tensor4d(cutout(train.pixels, N_TRAIN), [N_TRAIN, SIZE, SIZE, 1]);
    const history = await model.fit(xAug, yTrain, { epochs: 1, batchSize: 32, shuffle: true, verbose: 0 });
    xAug.dispose();
    losses.push(history.history.loss[0]);
    acc = history.history.acc[0];
  }

  const [testLoss, testAcc] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  console.log(`loss ${losses[0].toFixed(3)} -> ${losses[losses.length - 1].toFixed(3)} acc ${acc.toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
