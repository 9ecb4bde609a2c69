'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(9514);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Nucleus segmentation on 12x12 fluorescence microscopy crops: each crop holds one to three
// bright, roughly round nuclei on a dim, noisy background with uneven illumination. The crops
// are flattened and a small MLP predicts the 144-pixel nucleus mask; it is trained with a soft
// Dice loss, which copes with the foreground being only a small part of each crop.
const SIZE = 12;
const PIXELS = SIZE * SIZE;
const N_TRAIN = 1000;
const N_TEST = 300;
const EPOCHS = 30;

function makeCrops(n) {
  const images = new Float32Array(n * SIZE * SIZE);
  const masks = new Float32Array(n * SIZE * SIZE);
  for (let i = 0; i < n; i++) {
    const base = i * SIZE * SIZE;
    const gx = rng.uniform(-0.1, 0.1);
    const gy = rng.uniform(-0.1, 0.1);
    for (let r = 0; r < SIZE; r++) {
      for (let c = 0; c < SIZE; c++) {
        images[base + r * SIZE + c] = 0.15 + gx * (c / SIZE - 0.5) + gy * (r / SIZE - 0.5) + rng.normal(0, 0.06);
      }
    }
    const nuclei = rng.int(1, 4);
    for (let k = 0; k < nuclei; k++) {
      const cr = rng.uniform(2.5, SIZE - 2.5);
      const cc = rng.uniform(2.5, SIZE - 2.5);
      const radius = rng.uniform(1.5, 2.8);
      const brightness = rng.uniform(0.45, 0.8);
      for (let r = 0; r < SIZE; r++) {
        for (let c = 0; c < SIZE; c++) {
          const d = Math.hypot(r - cr, c - cc);
          if (d <= radius) {
            masks[base + r * SIZE + c] = 1;
            images[base + r * SIZE + c] += brightness * (1 - 0.3 * (d / radius));
          }
        }
      }
    }
  }
  return {
    xs: tf.tensor2d(images, [n, PIXELS]),
    ys: tf.tensor2d(masks, [n, PIXELS]),
  };
}

// soft Dice per crop, averaged over the batch
function diceLoss(yTrue, yPred) {
  return tf.tidy(() => {
    const intersection = yTrue.mul(yPred).sum(1);
    const total = yTrue.sum(1).add(yPred.sum(1));
    return tf.scalar(1).sub(intersection.mul(2).div(total)).mean();
  });
}

// hard Dice of the thresholded masks over a whole set
function diceScore(yTrue, yPred) {
  return tf.tidy(() => {
    const pred = yPred.greater(0.5).toFloat();
    const inter = pred.mul(yTrue).sum();
    return inter.mul(2).div(pred.sum().add(yTrue.sum())).dataSync()[0];
  });
}

async function main() {
  await tf.setBackend('wasm');

  const train = makeCrops(N_TRAIN);
  const test = makeCrops(N_TEST);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 128, activation: 'relu', inputShape: [PIXELS] }));
  model.add(tf.layers.dense({ units: PIXELS, activation: 'sigmoid' }));
  model.compile({ optimizer: tf.train.adam(0.01), loss: diceLoss });

  const history = await model.fit(train.xs, train.ys, { epochs: EPOCHS, batchSize: 32, shuffle: true, verbose: 0 });
  const losses = history.history.loss;
  const trainPred = model.predict(train.xs);
  const testPred = model.predict(test.xs);
  const testLoss = diceLoss(test.ys, testPred).dataSync()[0];
  console.log(`loss ${losses[0].toFixed(3)} -> ${losses[losses.length - 1].toFixed(3)} train dice ${diceScore(train.ys, trainPred).toFixed(3)} | test loss ${testLoss.toFixed(3)} test dice ${diceScore(test.ys, testPred).toFixed(3)}`);
}

main();
