'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(9603);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Autoencoder for transmission spectra of liquid samples. Each sample is a mixture of four
// compounds with unknown concentrations; the spectrometer reports transmittance at 40
// wavelengths (Beer-Lambert: T = exp(-sum_k c_k * A_k(lambda)) plus sensor noise). A 4-unit code
// should be enough to describe a spectrum. Custom training loop so we can also keep an eye on
// how much of the code space is being used (mean absolute code value per epoch).
const N_BANDS = 40;
const N_COMPOUNDS = 4;
const CODE_SIZE = 4;
const N_TRAIN = 1600;
const N_TEST = 400;
const BATCH_SIZE = 64;
const EPOCHS = 40;

// absorbance profile of each pure compound: two Gaussian bands at random wavelengths
const profiles = rng.array(N_COMPOUNDS, () => {
  const peaks = rng.array(2, () => ({ center: rng.uniform(0, N_BANDS), width: rng.uniform(2, 6), height: rng.uniform(0.5, 1.5) }));
  return rng.array(N_BANDS, (j) => peaks.reduce((s, p) => s + p.height * Math.exp(-((j - p.center) ** 2) / (2 * p.width ** 2)), 0));
});

function measureSpectra(n) {
  const rows = [];
  for (let i = 0; i < n; i++) {
    const conc = rng.array(N_COMPOUNDS, () => rng.uniform(0, 1.5));
    rows.push(rng.array(N_BANDS, (j) => {
      const absorbance = conc.reduce((s, c, k) => s + c * profiles[k][j], 0);
      return Math.exp(-absorbance) + rng.normal(0, 0.01);
    }));
  }
  return tf.tensor2d(rows, [n, N_BANDS]);
}

async function main() {
  await tf.setBackend('wasm');

  const xTrain = measureSpectra(N_TRAIN);
  const xTest = measureSpectra(N_TEST);

  const encoder = tf.sequential();
  encoder.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [N_BANDS] }));
  encoder.add(tf.layers.dense({ units: CODE_SIZE }));

  const decoder = tf.sequential();
  decoder.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [CODE_SIZE] }));
  decoder.add(tf.layers.dense({ units: N_BANDS, activation: 'sigmoid' }));

  const optimizer = tf.train.adam(0.005);
  const numBatches = Math.ceil(N_TRAIN / BATCH_SIZE);
  const losses = [];
  const codeUsage = [];

  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    let epochLoss = 0;
    let epochCode = 0;
    const order = tf.util.createShuffledIndices(N_TRAIN);
    for (let b = 0; b < numBatches; b++) {
      const idx = tf.tensor1d(Array.from(order.slice(b * BATCH_SIZE, (b + 1) * BATCH_SIZE)), 'int32');
      const batchX = tf.gather(xTrain, idx);
      // latent code of the batch, also used for the code-usage statistic
      const code = encoder.predict(batchX);
      epochCode += tf.tidy(() => code.abs().mean().dataSync()[0]);
      const cost = optimizer.minimize(() => {
        const recon = decoder.apply(encoder.apply(batchX, { training: true }), { training: true });
        return tf.losses.meanSquaredError(batchX, recon);
      }, true);
      epochLoss += cost.dataSync()[0];
      tf.dispose([idx, batchX, code, cost]);
    }
    losses.push(epochLoss / numBatches);
    codeUsage.push(epochCode / numBatches);
  }

  const reconError = (x) => tf.tidy(() => tf.losses.meanSquaredError(x, decoder.predict(encoder.predict(x))).dataSync()[0]);
  const baseline = tf.tidy(() => tf.losses.meanSquaredError(xTest, xTrain.mean(0).expandDims(0).tile([N_TEST, 1])).dataSync()[0]);
  const trainMse = reconError(xTrain);
  const testMse = reconError(xTest);
  console.log(`loss ${losses[0].toFixed(5)} -> ${losses[losses.length - 1].toFixed(5)} train mse ${trainMse.toFixed(5)} |code| ${codeUsage[codeUsage.length - 1].toFixed(3)} | test mse ${testMse.toFixed(5)} (mean-spectrum baseline ${baseline.toFixed(5)})`);
}

main();
