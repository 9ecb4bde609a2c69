'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(2861);
const tf = require('@tensorflow/tfjs');

// Transfer learning on small grayscale sketches (12x12, 8-bit pixels). A small convolutional base
// (MobileNet-style relu6 blocks, inputs scaled to [-1, 1]) is first trained to tell the direction
// of a single pen stroke; it is then frozen and reused under a new softmax head to recognise three
// symbols drawn from several strokes (plus, cross, box), from a much smaller labelled set.
const SIZE = 12;
const STROKES = ['horizontal', 'vertical', 'diagonal', 'antidiagonal'];
const SYMBOLS = ['plus', 'cross', 'box'];
const N_PRETRAIN = 800;
const N_TRAIN = 240;
const N_TEST = 300;

function blankCanvas() {
  return rng.array(SIZE * SIZE, () => rng.uniform(0, 40));
}

function drawLine(img, r0, c0, dr, dc, len) {
  const ink = rng.uniform(180, 255);
  for (let k = 0; k < len; k++) {
    const r = r0 + k * dr;
    const c = c0 + k * dc;
    if (r >= 0 && r < SIZE && c >= 0 && c < SIZE) img[r * SIZE + c] = ink;
  }
}

function drawStroke(img, kind) {
  const len = rng.int(5, 9);
  const a = rng.int(1, SIZE - 1);
  const b = rng.int(1, SIZE - len);
  if (kind === 'horizontal') drawLine(img, a, b, 0, 1, len);
  else if (kind === 'vertical') drawLine(img, b, a, 1, 0, len);
  else if (kind === 'diagonal') drawLine(img, b, rng.int(1, SIZE - len), 1, 1, len);
  else drawLine(img, b, rng.int(len - 1, SIZE - 1), 1, -1, len);
}

function drawSymbol(img, kind) {
  const half = rng.int(2, 5);
  const r = rng.int(half, SIZE - half);
  const c = rng.int(half, SIZE - half);
  if (kind === 'plus') {
    drawLine(img, r, c - half, 0, 1, 2 * half + 1);
    drawLine(img, r - half, c, 1, 0, 2 * half + 1);
  } else if (kind === 'cross') {
    drawLine(img, r - half, c - half, 1, 1, 2 * half + 1);
    drawLine(img, r - half, c + half, 1, -1, 2 * half + 1);
  } else {
    drawLine(img, r - half, c - half, 0, 1, 2 * half + 1);
    drawLine(img, r + half, c - half, 0, 1, 2 * half + 1);
    drawLine(img, r - half, c - half, 1, 0, 2 * half + 1);
    drawLine(img, r - half, c + half, 1, 0, 2 * half + 1);
  }
}

function makeImages(n, classes, draw) {
  const pixels = [];
  const labels = [];
  for (let i = 0; i < n; i++) {
    const label = rng.int(0, classes.length);
    const img = blankCanvas();
    draw(img, classes[label]);
    pixels.push(...img);
    labels.push(label);
  }
  return { pixels, labels };
}

async function main() {
  await tf.setBackend('cpu');

  // Step 1: pretrain the convolutional base on stroke directions, pixels scaled to [-1, 1].
  const strokes = makeImages(N_PRETRAIN, STROKES, drawStroke);
  const xStrokes = tf.tensor4d(strokes.pixels, [N_PRETRAIN, SIZE, SIZE, 1]).div(127.5).sub(1);
  const yStrokes = tf.oneHot(tf.tensor1d(strokes.labels, 'int32'), STROKES.length);
  const base = tf.sequential();
  base.add(tf.layers.conv2d({ filters: 8, kernelSize: 3, padding: 'same', activation: 'relu6', inputShape: [SIZE, SIZE, 1] }));
  base.add(tf.layers.maxPooling2d({ poolSize: 2 }));
  base.add(tf.layers.conv2d({ filters: 8, kernelSize: 3, padding: 'same', activation: 'relu6' }));
  base.add(tf.layers.maxPooling2d({ poolSize: 2 }));
  base.add(tf.layers.flatten());
  base.add(tf.layers.dense({ units: STROKES.length, activation: 'softmax' }));
  base.compile({ optimizer: tf.train.adam(0.01), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });
  const baseHistory = await base.fit(xStrokes, yStrokes, { epochs: 6, batchSize: 32, shuffle: true, verbose: 0 });
  const baseAcc = baseHistory.history.acc[baseHistory.history.acc.length - 1];

  // Step 2: freeze the base and train a new head on the symbol images.
  const train = makeImages(N_TRAIN, SYMBOLS, drawSymbol);
  const test = makeImages(N_TEST, SYMBOLS, drawSymbol);
  const xTrain = tf.tensor4d(train.pixels, [N_TRAIN, SIZE, SIZE, 1]);
  const yTrain = tf.oneHot(tf.tensor1d(train.labels, 'int32'), SYMBOLS.length);
  const xTest = tf.tensor4d(test.pixels, [N_TEST, SIZE, SIZE, 1]);
  const yTest = tf.oneHot(tf.tensor1d(test.labels, 'int32'), SYMBOLS.length);

  const model = tf.sequential();
  for (const layer of base.layers.slice(0, 5)) {
    layer.trainable = false;
    model.add(layer);
  }
  model.add(tf.layers.dense({ units: SYMBOLS.length, activation: 'softmax' }));
  model.compile({ optimizer: tf.train.adam(0.01), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(xTrain, yTrain, { epochs: 20, batchSize: 32, shuffle: true, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testAcc] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  console.log(`base acc ${baseAcc.toFixed(3)} | loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
