'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(9715);
const tf = require('@tensorflow/tfjs');

// White-matter lesion segmentation on 12x12 patches of FLAIR MRI slices: lesions are bright,
// roughly elliptical blobs (5 to 20 pixels) on grey tissue with a smooth intensity bias field
// and scanner noise; many patches hold one lesion, some two. A small fully convolutional net
// predicts a per-pixel lesion probability and is trained with a soft Dice loss per patch, the
// usual choice when the lesion is a small part of the image. Held out: patches from other scans.
const SIZE = 12;
const N_TRAIN = 240;
const N_TEST = 100;
const EPOCHS = 15;
const SMOOTH = 1;

function makePatches(n) {
  const images = [];
  const masks = [];
  for (let i = 0; i < n; i++) {
    const tissue = rng.uniform(0.35, 0.5);
    const bx = rng.uniform(-0.1, 0.1);
    const by = rng.uniform(-0.1, 0.1);
    const img = new Array(SIZE * SIZE);
    for (let r = 0; r < SIZE; r++) {
      for (let c = 0; c < SIZE; c++) img[r * SIZE + c] = tissue + bx * (c / SIZE - 0.5) + by * (r / SIZE - 0.5) + rng.normal(0, 0.05);
    }
    const mask = new Array(SIZE * SIZE).fill(0);
    const lesions = rng.random() < 0.7 ? 1 : 2;
    for (let k = 0; k < lesions; k++) {
      const cy = rng.uniform(2.5, SIZE - 2.5);
      const cx = rng.uniform(2.5, SIZE - 2.5);
      const ry = rng.uniform(1.2, 2.6);
      const rx = rng.uniform(1.2, 2.6);
      const brightness = rng.uniform(0.25, 0.45);
      for (let r = 0; r < SIZE; r++) {
        for (let c = 0; c < SIZE; c++) {
          if (((r - cy) / ry) ** 2 + ((c - cx) / rx) ** 2 <= 1) {
            mask[r * SIZE + c] = 1;
            img[r * SIZE + c] += brightness + rng.normal(0, 0.05);
          }
        }
      }
    }
    images.push(img);
    masks.push(mask);
  }
  return { images, masks };
}

// soft Dice per patch, averaged over the batch
function diceLoss(yTrue, yPred) {
  return tf.tidy(() => {
    const intersection = yTrue.mul(yPred).sum([1, 2, 3]);
    const total = yTrue.sum([1, 2, 3]).add(yPred.sum([1, 2, 3]));
    const dice = intersection.mul(2).add(SMOOTH).div(total.add(SMOOTH));
    return tf.scalar(1).sub(dice).mean();
  });
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
  const xTrain = tf.tensor4d(train.images.flat(), [N_TRAIN, SIZE, SIZE, 1]);
  const yTrain = tf.tensor4d(train.masks.flat(), [N_TRAIN, SIZE, SIZE, 1]);
  const xTest = tf.tensor4d(test.images.flat(), [N_TEST, SIZE, SIZE, 1]);
  const yTest = tf.tensor4d(test.masks.flat(), [N_TEST, SIZE, SIZE, 1]);

  const model = tf.sequential();
  model.add(tf.layers.conv2d({ filters: 8, kernelSize: 3, padding: 'same', activation: 'relu', inputShape: [SIZE, SIZE, 1] }));
  model.add(tf.layers.conv2d({ filters: 1, kernelSize: 3, padding: 'same', activation: 'sigmoid' }));
  model.compile({ optimizer: tf.train.adam(0.01), loss: diceLoss });

  const history = await model.fit(xTrain, yTrain, { epochs: EPOCHS, batchSize: 16, shuffle: true, verbose: 0 });
  const losses = history.history.loss;
  const trainIou = iou(yTrain, model.predict(xTrain));
  const testPred = model.predict(xTest);
  const lesionProb = testPred.mul(yTest).sum().div(yTest.sum()).dataSync()[0];
  const flagged = testPred.greater(0.5).toFloat().mean().dataSync()[0];
  const lesionShare = yTest.mean().dataSync()[0];
  console.log(`dice loss ${losses[0].toFixed(3)} -> ${losses[losses.length - 1].toFixed(3)} train iou ${trainIou.toFixed(3)} | test iou ${iou(yTest, testPred).toFixed(3)} mean prob on lesion pixels ${lesionProb.toFixed(3)} pixels flagged ${(100 * flagged).toFixed(1)}% (lesion ${(100 * lesionShare).toFixed(1)}%)`);
}

main();
