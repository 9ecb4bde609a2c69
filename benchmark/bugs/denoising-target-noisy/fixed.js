'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(6048);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Denoising autoencoder for short vibration sensor windows: 32 samples of a machine's vibration,
// the sum of two harmonics of its shaft frequency with random amplitudes and phases, recorded
// with additive sensor noise. A dense encoder/decoder is trained on pairs of noisy windows and
// the clean signal they were made from; a held-out set of windows measures how close the
// reconstruction of a noisy window comes to its clean signal.
const WINDOW = 32;
const N_TRAIN = 2000;
const N_TEST = 500;
const NOISE_STD = 0.3;
const HARMONICS = [1, 2, 3, 4];

function makeWindows(n) {
  const clean = [];
  const noisy = [];
  for (let i = 0; i < n; i++) {
    const h1 = HARMONICS[rng.int(0, HARMONICS.length)];
    const h2 = HARMONICS[rng.int(0, HARMONICS.length)];
    const a1 = rng.uniform(0.5, 1);
    const a2 = rng.uniform(0.2, 0.5);
    const p1 = rng.uniform(0, 2 * Math.PI);
    const p2 = rng.uniform(0, 2 * Math.PI);
    const c = rng.array(WINDOW, (t) => a1 * Math.sin((2 * Math.PI * h1 * t) / WINDOW + p1) + a2 * Math.sin((2 * Math.PI * h2 * t) / WINDOW + p2));
    clean.push(c);
    noisy.push(c.map((v) => v + rng.normal(0, NOISE_STD)));
  }
  return { clean, noisy };
}

async function main() {
  await tf.setBackend('wasm');

  const train = makeWindows(N_TRAIN);
  const test = makeWindows(N_TEST);
  const noisyTrain = tf.tensor2d(train.noisy, [N_TRAIN, WINDOW]);
  const cleanTrain = tf.tensor2d(train.clean, [N_TRAIN, WINDOW]);
  const noisyTest = tf.tensor2d(test.noisy, [N_TEST, WINDOW]);
  const cleanTest = tf.tensor2d(test.clean, [N_TEST, WINDOW]);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 128, activation: 'relu', inputShape: [WINDOW] }));
  model.add(tf.layers.dense({ units: 64, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 128, activation: 'relu' }));
  model.add(tf.layers.dense({ units: WINDOW }));
  model.compile({ optimizer: tf.train.adam(0.002), loss: 'meanSquaredError' });

  const history = await model.fit(noisyTrain, cleanTrain, { epochs: 30, batchSize: 64, shuffle: true, verbose: 0 });
  const h = history.history;
  const last = h.loss.length - 1;
  const testMse = tf.tidy(() => tf.losses.meanSquaredError(cleanTest, model.predict(noisyTest)).dataSync()[0]);
  const inputMse = tf.tidy(() => tf.losses.meanSquaredError(cleanTest, noisyTest).dataSync()[0]);
  console.log(`loss ${h.loss[0].toFixed(4)} -> ${h.loss[last].toFixed(4)} | test mse vs clean ${testMse.toFixed(4)} (noisy input ${inputMse.toFixed(4)})`);
}

main();
