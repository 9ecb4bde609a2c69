'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(7304);
const tf = require('@tensorflow/tfjs');

// Nucleus segmentation in fluorescence microscopy: 16x16 tiles with a few small bright nuclei on
// a noisy, unevenly lit background, and a binary mask marking the nucleus pixels. A small fully
// convolutional net predicts a per-pixel nucleus probability. Training uses random 12x12 crops
// of the tiles (new crops every epoch); evaluation uses the central 12x12 crop of held-out tiles.
const TILE = 16;
const CROP = 12;
const MARGIN = TILE - CROP;
const N_TRAIN = 200;
const N_TEST = 100;
const EPOCHS = 15;

function makeTiles(n) {
  const images = [];
  const masks = [];
  for (let i = 0; i < n; i++) {
    const light = rng.uniform(0.1, 0.3);
    const tilt = rng.uniform(-0.01, 0.01);
    const img = rng.array(TILE * TILE, (p) => light + tilt * ((p % TILE) - TILE / 2) + rng.normal(0, 0.06));
    const mask = new Array(TILE * TILE).fill(0);
    const count = rng.int(2, 5);
    for (let k = 0; k < count; k++) {
      const cy = rng.uniform(2, TILE - 2);
      const cx = rng.uniform(2, TILE - 2);
      const radius = rng.uniform(1, 1.8);
      const glow = rng.uniform(0.4, 0.7);
      for (let r = 0; r < TILE; r++) {
        for (let c = 0; c < TILE; c++) {
          if ((r - cy) ** 2 + (c - cx) ** 2 <= radius ** 2) {
            mask[r * TILE + c] = 1;
            img[r * TILE + c] = light + glow + rng.normal(0, 0.06);
          }
        }
      }
    }
    images.push(img);
    masks.push(mask);
  }
  return { images, masks };
}

// CROP x CROP window of a tile, at the given offset or at a random one
function crop(pixels, top = rng.int(0, MARGIN + 1), left = rng.int(0, MARGIN + 1)) {
  const out = [];
  for (let r = 0; r < CROP; r++) {
    for (let c = 0; c < CROP; c++) out.push(pixels[(top + r) * TILE + left + c]);
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

  const train = makeTiles(N_TRAIN);
  const test = makeTiles(N_TEST);
  const testImages = [];
  const testMasks = [];
  for (let i = 0; i < N_TEST; i++) {
    testImages.push(...crop(test.images[i], MARGIN / 2, MARGIN / 2));
    testMasks.push(...crop(test.masks[i], MARGIN / 2, MARGIN / 2));
  }
  const xTest = tf.tensor4d(testImages, [N_TEST, CROP, CROP, 1]);
  const yTest = tf.tensor4d(testMasks, [N_TEST, CROP, CROP, 1]);

  const model = tf.sequential();
  model.add(tf.layers.conv2d({ filters: 8, kernelSize: 3, padding: 'same', activation: 'relu', inputShape: [CROP, CROP, 1] }));
  model.add(tf.layers.conv2d({ filters: 1, kernelSize: 3, padding: 'same', activation: 'sigmoid' }));
  model.compile({ optimizer: tf.train.adam(0.01), loss: 'binaryCrossentropy' });

  const losses = [];
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    const images = [];
    const masks = [];
    for (let i = 0; i < N_TRAIN; i++) {
      const [top, left] = [rng.int(0, MARGIN + 1), rng.int(0, MARGIN + 1)];
      images.push(...crop(train.images[i], top, left));
      masks.push(...crop(train.masks[i], top, left));
    }
    const xTrain = tf.tensor4d(images, [N_TRAIN, CROP, CROP, 1]);
    const yTrain = tf.tensor4d(masks, [N_TRAIN, CROP, CROP, 1]);
    const history = await model.fit(xTrain, yTrain, { epochs: 1, batchSize: 16, shuffle: true, verbose: 0 });
    losses.push(history.history.loss[0]);
    tf.dispose([xTrain, yTrain]);
  }

  const xCheck = tf.tensor4d(train.images.flatMap((t) => crop(t, MARGIN / 2, MARGIN / 2)), [N_TRAIN, CROP, CROP, 1]);
  const yCheck = tf.tensor4d(train.masks.flatMap((t) => crop(t, MARGIN / 2, MARGIN / 2)), [N_TRAIN, CROP, CROP, 1]);
  const trainIou = iou(yCheck, model.predict(xCheck));
  const testPred = model.predict(xTest);
  const testLoss = tf.metrics.binaryCrossentropy(yTest, testPred).mean().dataSync()[0];
  console.log(`loss ${losses[0].toFixed(3)} -> ${losses[losses.length - 1].toFixed(3)} train iou ${trainIou.toFixed(3)} | test loss ${testLoss.toFixed(3)} test iou ${iou(yTest, testPred).toFixed(3)}`);
}

main();
