'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(9575);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Variational autoencoder for vibration-sensor windows (32 samples of a pump's accelerometer:
// a dominant tone with varying amplitude, frequency and phase, a weaker harmonic, and sensor
// noise). The latent codes are later used to spot unusual windows, so the model is a plain VAE:
// dense encoder to the mean and log-variance of a 4-d code, reparameterized sample, dense
// decoder. Custom training loop; the loss per window is the summed squared reconstruction error
// together with the KL divergence of q(z|x) from the N(0, I) prior, averaged over the batch.
const WINDOW = 32;
const LATENT = 4;
const N_TRAIN = 2048;
const N_TEST = 512;
const EPOCHS = 20;
const BATCH_SIZE = 64;

function loadWindows(n) {
  const windows = [];
  for (let k = 0; k < n; k++) {
    const amp = rng.uniform(0.5, 1.5);
    const freq = rng.uniform(1, 3); // cycles per window
    const phase = rng.uniform(0, 2 * Math.PI);
    const harmonic = rng.uniform(0, 0.3);
    const w = [];
    for (let t = 0; t < WINDOW; t++) {
      const arg = (2 * Math.PI * freq * t) / WINDOW + phase;
      w.push(amp * Math.sin(arg) + harmonic * Math.sin(2 * arg) + rng.normal(0, 0.05));
    }
    windows.push(w);
  }
  return windows;
}

async function main() {
  await tf.setBackend('wasm');

  const xTrain = tf.tensor2d(loadWindows(N_TRAIN), [N_TRAIN, WINDOW]);
  const xTest = tf.tensor2d(loadWindows(N_TEST), [N_TEST, WINDOW]);

  const encoder = tf.sequential();
  encoder.add(tf.layers.dense({ units: 64, activation: 'relu', inputShape: [WINDOW] }));
  encoder.add(tf.layers.dense({ units: 2 * LATENT }));
  const decoder = tf.sequential();
  decoder.add(tf.layers.dense({ units: 64, activation: 'relu', inputShape: [LATENT] }));
  decoder.add(tf.layers.dense({ units: WINDOW }));

  const encode = (x) => tf.split(encoder.apply(x), 2, 1);
  const sample = (mu, logVar) => mu.add(tf.exp(logVar.mul(0.5)).mul(tf.randomNormal(mu.shape)));
  const klPerWindow = (mu, logVar) => tf.scalar(1).add(logVar).sub(mu.square()).sub(logVar.exp()).sum(1).mul(-0.5);

  function vaeLoss(xb) {
    const [mu, logVar] = encode(xb);
    const xHat = decoder.apply(sample(mu, logVar));
    const recon = xHat.sub(xb).square().sum(1).mean();
    const kl = klPerWindow(mu, logVar).mean();
    return recon.add(kl);
  }

  const optimizer = tf.train.adam(0.002);
  const numBatches = Math.ceil(N_TRAIN / BATCH_SIZE);
  const losses = [];
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    const order = tf.util.createShuffledIndices(N_TRAIN);
    let epochLoss = 0;
    for (let b = 0; b < numBatches; b++) {
      const batchIdx = Array.from(order.slice(b * BATCH_SIZE, (b + 1) * BATCH_SIZE));
      const cost = tf.tidy(() => {
        const xb = xTrain.gather(tf.tensor1d(batchIdx, 'int32'));
        return optimizer.minimize(() => vaeLoss(xb), true);
      });
      epochLoss += cost.dataSync()[0] / numBatches;
      cost.dispose();
    }
    losses.push(epochLoss);
  }

  // Held-out reconstruction through the posterior mean (per-sample mse), against predicting the
  // average training window, plus the average KL of the held-out codes.
  const [testMse, baselineMse, testKl] = tf.tidy(() => {
    const [mu, logVar] = encode(xTest);
    const mse = decoder.predict(mu).sub(xTest).square().mean().dataSync()[0];
    const baseline = xTest.sub(xTrain.mean(0)).square().mean().dataSync()[0];
    const kl = klPerWindow(mu, logVar).mean().dataSync()[0];
    return [mse, baseline, kl];
  });
  console.log(`loss ${losses[0].toFixed(3)} -> ${losses[losses.length - 1].toFixed(3)} | test recon mse ${testMse.toFixed(4)} (mean-window mse ${baselineMse.toFixed(4)}) test kl ${testKl.toFixed(2)}`);
}

main();
