'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(4417);
const tf = require('@tensorflow/tfjs');

// Defect segmentation on 12x12 grayscale patches of a textured metal surface: each patch has one
// or two dark pits (roughly round, 2-4 pixels across) somewhere left or right of the patch centre,
// and a binary mask marking the pit pixels. A small fully convolutional net predicts a per-pixel
// pit probability. Training uses random horizontal flips (new draws every epoch); evaluation uses
// the held-out patches as they are.
const SIZE = 12;
const N_TRAIN = 240;
const N_TEST = 100;
const EPOCHS = 15;

function makePatches(n) {
  const images = [];
  const masks = [];
  for (let i = 0; i < n; i++) {
    const level = rng.uniform(0.55, 0.75);
    const img = rng.array(SIZE * SIZE, () => level + rng.normal(0, 0.05));
    const mask = new Array(SIZE * SIZE).fill(0);
    const count = rng.int(1, 3);
    for (let k = 0; k < count; k++) {
      const side = rng.random() < 0.5 ? -1 : 1;
      const cx = SIZE / 2 - 0.5 + side * rng.uniform(2.5, 4);
      const cy = rng.uniform(2, SIZE - 3);
      const radius = rng.uniform(1, 1.8);
      const depth = rng.uniform(0.35, 0.5);
      for (let r = 0; r < SIZE; r++) {
        for (let c = 0; c < SIZE; c++) {
          if ((r - cy) ** 2 + (c - cx) ** 2 <= radius ** 2) {
            mask[r * SIZE + c] = 1;
            img[r * SIZE + c] = level - depth + rng.normal(0, 0.05);
          }
        }
      }
    }
    images.push(img);
    masks.push(mask);
  }
  return { images, masks };
}

// mirror a row-major SIZE x SIZE patch left to right
function flipHorizontal(pixels) {
  const out = new Array(SIZE * SIZE);
  for (let r = 0; r < SIZE; r++) {
    for (let c = 0; c < SIZE; c++) out[r * SIZE + c] = pixels[r * SIZE + (SIZE - 1 - c)];
  }
  return out;
}

function iou(yTrue, yPred) {
  return tf.tidy(() => {
    const pred = yPred.greater(0.5).toFloat();
    const inter = pred.mul(yTrue).sum();
    const union = pred.add(yTrue).greater(0).toFloat().sum();
    return inter.div(union).dataSync()[0];
  });
}

async function main() {
  await tf.setBackend('cpu');

  const train = makePatches(N_TRAIN);
  const test = makePatches(N_TEST);
  const xTest = tf.tensor4d(test.images.flat(), [N_TEST, SIZE, SIZE, 1]);
  const yTest = tf.tensor4d(test.masks.flat(), [N_TEST, SIZE, SIZE, 1]);

  const model = tf.sequential();
  model.add(tf.layers.conv2d({ filters: 8, kernelSize: 3, padding: 'same', activation: 'relu', inputShape: [SIZE, SIZE, 1] }));
  model.add(tf.layers.conv2d({ filters: 1, kernelSize: 3, padding: 'same', activation: 'sigmoid' }));
  model.compile({ optimizer: tf.train.adam(0.01), loss: 'binaryCrossentropy' });

  const losses = [];
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    const images = [];
    const masks = [];
    for (let i = 0; i < N_TRAIN; i++) {
      const flip = rng.random() < 0.5;
      images.push(...(flip ? flipHorizontal(train.images[i]) : train.images[i]));
      masks.push(...(flip ? flipHorizontal(train.masks[i]) : train.masks[i]));
    }
    const xTrain = tf.tensor4d(images, [N_TRAIN, SIZE, SIZE, 1]);
    const yTrain = tf.tensor4d(masks, [N_TRAIN, SIZE, SIZE, 1]);
    const history = await model.fit(xTrain, yTrain, { epochs: 1, batchSize: 16, shuffle: true, verbose: 0 });
    losses.push(history.history.loss[0]);
    tf.dispose([xTrain, yTrain]);
  }

  const xCheck = tf.tensor4d(train.images.flat(), [N_TRAIN, SIZE, SIZE, 1]);
  const yCheck = tf.tensor4d(train.masks.flat(), [N_TRAIN, SIZE, SIZE, 1]);
  const trainIou = iou(yCheck, model.predict(xCheck));
  const testPred = model.predict(xTest);
  const testLoss = tf.metrics.binaryCrossentropy(yTest, testPred).mean().dataSync()[0];
  const pitProb = testPred.mul(yTest).sum().div(yTest.sum()).dataSync()[0];
  console.log(`loss ${losses[0].toFixed(3)} -> ${losses[losses.length - 1].toFixed(3)} train iou ${trainIou.toFixed(3)} | test loss ${testLoss.toFixed(3)} test iou ${iou(yTest, testPred).toFixed(3)} mean pit prob ${pitProb.toFixed(3)}`);
}

main();
