'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(7342);
const tf = require('@tensorflow/tfjs');

// A convolutional denoising autoencoder in the style of the Keras "Convolutional autoencoder for
// image denoising" tutorial, shrunk to 12x12 single-channel images: each clean image holds one or
// two simple shapes (bar, filled square or Gaussian blob) in [0, 1]; the noisy copy adds Gaussian
// noise (noise factor 0.4, as in the tutorial) clipped back to [0, 1]. Encoder conv2d(relu, same) +
// maxPooling2d, decoder conv2dTranspose(stride 2, relu, same) and a final conv2d with a sigmoid,
// trained with binary cross-entropy and adam by model.fit(noisy, clean). Few filters and a
// single pooling stage keep it fast on the cpu backend (wasm cannot train convolutions).
const SIZE = 12;
const NOISE_FACTOR = 0.4;

function drawShape(img) {
  const kind = rng.int(0, 4);
  const intensity = rng.uniform(0.6, 1);
  if (kind === 0 || kind === 1) {
    // Horizontal (0) or vertical (1) bar, 2 px thick.
    const pos = rng.int(1, SIZE - 3);
    const from = rng.int(0, 6);
    const to = rng.int(SIZE - 6, SIZE);
    for (let a = from; a < to; a++) {
      for (let t = pos; t < pos + 2; t++) {
        const idx = kind === 0 ? t * SIZE + a : a * SIZE + t;
        img[idx] = Math.max(img[idx], intensity);
      }
    }
  } else if (kind === 2) {
    // Filled square, side 3..6.
    const side = rng.int(3, 7);
    const x0 = rng.int(0, SIZE - side + 1);
    const y0 = rng.int(0, SIZE - side + 1);
    for (let y = y0; y < y0 + side; y++) {
      for (let x = x0; x < x0 + side; x++) img[y * SIZE + x] = Math.max(img[y * SIZE + x], intensity);
    }
  } else {
    // Round Gaussian blob.
    const cx = rng.uniform(3, SIZE - 3);
    const cy = rng.uniform(3, SIZE - 3);
    const sigma = rng.uniform(1, 2);
    for (let y = 0; y < SIZE; y++) {
      for (let x = 0; x < SIZE; x++) {
        const v = intensity * Math.exp(-((x - cx) ** 2 + (y - cy) ** 2) / (2 * sigma * sigma));
        img[y * SIZE + x] = Math.max(img[y * SIZE + x], v);
      }
    }
  }
}

// Clean images and their noisy copies, both flat [n * SIZE * SIZE] in [0, 1].
function makeImages(n) {
  const clean = new Float32Array(n * SIZE * SIZE);
  const noisy = new Float32Array(n * SIZE * SIZE);
  for (let i = 0; i < n; i++) {
    const img = clean.subarray(i * SIZE * SIZE, (i + 1) * SIZE * SIZE);
    const shapes = rng.int(1, 3);
    for (let s = 0; s < shapes; s++) drawShape(img);
  }
  for (let k = 0; k < clean.length; k++) {
    noisy[k] = Math.min(1, Math.max(0, clean[k] + NOISE_FACTOR * rng.normal(0, 1)));
  }
  return { clean, noisy };
}

async function main() {
  await tf.setBackend('cpu');

  const NTRAIN = 240;
  const NTEST = 200;
  const train = makeImages(NTRAIN);
  const test = makeImages(NTEST);
  const xTrainNoisy = tf.tensor4d(train.noisy, [NTRAIN, SIZE, SIZE, 1]);
  const xTrainClean = tf.tensor4d(train.clean, [NTRAIN, SIZE, SIZE, 1]);
  const xTestNoisy = tf.tensor4d(test.noisy, [NTEST, SIZE, SIZE, 1]);
  const xTestClean = tf.tensor4d(test.clean, [NTEST, SIZE, SIZE, 1]);

  const model = tf.sequential();
  model.add(tf.layers.conv2d({ inputShape: [SIZE, SIZE, 1], filters: 6, kernelSize: 3, activation: 'relu', padding: 'same' }));
  model.add(tf.layers.maxPooling2d({ poolSize: 2, padding: 'same' }));
  model.add(tf.layers.conv2dTranspose({ filters: 6, kernelSize: 3, strides: 2, activation: 'relu', padding: 'same' }));
  model.add(tf.layers.conv2d({ filters: 1, kernelSize: 3, activation: 'sigmoid', padding: 'same' }));

  const optimizer = tf.train.adam(0.01);
  model.compile({ optimizer, loss: 'binaryCrossentropy' });

  const history = await model.fit(xTrainNoisy, xTrainClean, { epochs: 6, batchSize: 8, shuffle: true, validationSplit: 0.1, verbose: 0 });

  // Held-out check on fresh images: MSE of the denoised output against the clean image, compared
  // with the MSE of the noisy input itself and of always predicting the training mean image.
  const [denoisedMse, noisyMse, meanMse] = tf.tidy(() => {
    const denoised = model.predict(xTestNoisy);
    const meanImage = xTrainClean.mean(0, true).tile([NTEST, 1, 1, 1]);
    return [denoised, xTestNoisy, meanImage].map((p) => tf.losses.meanSquaredError(xTestClean, p).dataSync()[0]);
  });
  const h = history.history;
  const last = h.loss.length - 1;
  console.log(`loss ${h.loss[0].toFixed(4)} -> ${h.loss[last].toFixed(4)} val_loss ${h.val_loss[last].toFixed(4)} | held-out MSE denoised ${denoisedMse.toFixed(5)} vs noisy input ${noisyMse.toFixed(5)} vs mean image ${meanMse.toFixed(5)}`);
}

main();
