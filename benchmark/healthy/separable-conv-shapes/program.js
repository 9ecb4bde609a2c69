'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(5813);
const tf = require('@tensorflow/tfjs');

// Tiny 12x12 grayscale images of three shapes, each at a random size and position with
// pixel noise: 0 = square outline, 1 = cross (plus sign), 2 = ring (circle outline).
const SIZE = 12;
const SHAPES = ['square', 'cross', 'ring'];

function drawShape(img, shape) {
  const r = rng.int(2, 5); // half-size 2..4 px
  const cx = rng.int(r, SIZE - r);
  const cy = rng.int(r, SIZE - r);
  const set = (x, y) => {
    if (x >= 0 && x < SIZE && y >= 0 && y < SIZE) img[y * SIZE + x] = rng.uniform(0.7, 1.0);
  };
  if (shape === 0) {
    for (let k = -r; k <= r; k++) {
      set(cx + k, cy - r);
      set(cx + k, cy + r);
      set(cx - r, cy + k);
      set(cx + r, cy + k);
    }
  } else if (shape === 1) {
    for (let k = -r; k <= r; k++) {
      set(cx + k, cy);
      set(cx, cy + k);
    }
  } else {
    for (let a = 0; a < 32; a++) {
      const theta = (2 * Math.PI * a) / 32;
      set(Math.round(cx + r * Math.cos(theta)), Math.round(cy + r * Math.sin(theta)));
    }
  }
}

function makeImages(n) {
  const images = new Float32Array(n * SIZE * SIZE);
  const labels = new Float32Array(n * SHAPES.length);
  for (let i = 0; i < n; i++) {
    const img = new Float32Array(SIZE * SIZE);
    for (let p = 0; p < img.length; p++) img[p] = Math.max(0, rng.normal(0, 0.1));
    const shape = rng.int(0, SHAPES.length);
    drawShape(img, shape);
    images.set(img, i * SIZE * SIZE);
    labels[i * SHAPES.length + shape] = 1;
  }
  return { images, labels };
}

async function main() {
  await tf.setBackend('cpu');

  const NTRAIN = 450;
  const NTEST = 300;
  const train = makeImages(NTRAIN);
  const test = makeImages(NTEST);
  const xTrain = tf.tensor4d(train.images, [NTRAIN, SIZE, SIZE, 1]);
  const yTrain = tf.tensor2d(train.labels, [NTRAIN, SHAPES.length]);
  const xTest = tf.tensor4d(test.images, [NTEST, SIZE, SIZE, 1]);
  const yTest = tf.tensor2d(test.labels, [NTEST, SHAPES.length]);

  const model = tf.sequential();
  model.add(tf.layers.separableConv2d({ inputShape: [SIZE, SIZE, 1], filters: 8, kernelSize: 3, depthMultiplier: 4, activation: 'relu' }));
  model.add(tf.layers.maxPooling2d({ poolSize: 2 }));
  model.add(tf.layers.flatten());
  model.add(tf.layers.dense({ units: SHAPES.length, activation: 'softmax' }));

  const optimizer = tf.train.adam(0.01);
  model.compile({ optimizer, loss: 'categoricalCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(xTrain, yTrain, { epochs: 12, batchSize: 32, validationSplit: 0.1, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testAcc] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  console.log(`loss ${h.loss[0].toFixed(4)} -> ${h.loss[last].toFixed(4)} val_acc ${h.val_acc[last].toFixed(3)} | held-out loss ${testLoss.toFixed(4)} accuracy ${testAcc.toFixed(3)} after ${h.loss.length} epochs`);
}

main();
