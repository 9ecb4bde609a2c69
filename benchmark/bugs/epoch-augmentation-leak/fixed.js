'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(5813);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Near-infrared calibration: predict the sugar content of fruit samples from 32 standardized
// absorbance bands. The concentration shows up as two overlapping absorption peaks plus a smooth
// baseline that varies from sample to sample. The calibration set is small, so every epoch is
// trained on a fresh copy of the spectra with a little Gaussian noise added (augmentation).
const N_BANDS = 32;
const N_TRAIN = 600;
const N_TEST = 300;
const EPOCHS = 40;
const NOISE = 0.1;

const peakA = rng.array(N_BANDS, (i) => Math.exp(-(((i - 10) / 3) ** 2)));
const peakB = rng.array(N_BANDS, (i) => Math.exp(-(((i - 21) / 4) ** 2)));

function makeSpectra(n) {
  const xs = [];
  const ys = [];
  for (let k = 0; k < n; k++) {
    const sugar = rng.uniform(0, 1);
    const water = rng.uniform(0, 1);
    const offset = rng.normal(0, 0.5);
    const slope = rng.normal(0, 0.5);
    xs.push(rng.array(N_BANDS, (i) => 2 * sugar * peakA[i] + water * peakB[i] + 0.5 * sugar * water * peakB[i] + offset + slope * (i / N_BANDS - 0.5) + rng.normal(0, 0.05)));
    ys.push([10 * sugar]);
  }
  return { xs, ys };
}

async function main() {
  await tf.setBackend('wasm');

  const train = makeSpectra(N_TRAIN);
  const test = makeSpectra(N_TEST);
  const xTrain = tf.tensor2d(train.xs, [N_TRAIN, N_BANDS]);
  const yTrain = tf.tensor2d(train.ys, [N_TRAIN, 1]);
  const xTest = tf.tensor2d(test.xs, [N_TEST, N_BANDS]);
  const yTest = tf.tensor2d(test.ys, [N_TEST, 1]);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [N_BANDS] }));
  model.add(tf.layers.dense({ units: 16, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 1 }));
  model.compile({ optimizer: tf.train.adam(0.003), loss: 'meanSquaredError', metrics: ['mae'] });

  const losses = [];
  const tensorLog = [];
  const byteLog = [];
  let trainMae = 0;
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    const xAug = tf.tidy(() => xTrain.add(tf.randomNormal(xTrain.shape, 0, NOISE)));
    const h = await model.fit(xAug, yTrain, { epochs: 1, batchSize: 32, shuffle: true, verbose: 0 });
    xAug.dispose();
    losses.push(h.history.loss[0]);
    trainMae = h.history.mae[0];
    tensorLog.push(tf.memory().numTensors);
    byteLog.push(tf.memory().numBytes);
  }

  const [testLoss, testMae] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  const mb = (b) => (b / 1e6).toFixed(2);
  console.log(`loss ${losses[0].toFixed(3)} -> ${losses[EPOCHS - 1].toFixed(3)} mae ${trainMae.toFixed(3)} | test loss ${testLoss.toFixed(3)} test mae ${testMae.toFixed(3)} | tensors ${tensorLog[0]} -> ${tensorLog[EPOCHS - 1]}, ${mb(byteLog[0])} MB -> ${mb(byteLog[EPOCHS - 1])} MB`);
}

main();
