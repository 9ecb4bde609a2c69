'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(9589);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Variational autoencoder for vibration spectra of a pump: 16 frequency bins per reading, shaped
// by where the resonance peak sits (it moves with pump speed) and how strong it is (load).
// The VAE learns a small latent code of the spectra; readings it cannot reconstruct are flagged
// as anomalies downstream. Trained in a custom loop; the KL term is annealed in over the first
// epochs so the encoder learns to use the code before the prior starts pulling on it.
const N_TRAIN = 1200;
const N_TEST = 400;
const BINS = 16;
const LATENT = 4;
const BATCH_SIZE = 100;
const EPOCHS = 60;
const ANNEAL_EPOCHS = 5;

function recordSpectra(n) {
  const rows = [];
  for (let i = 0; i < n; i++) {
    const peak = rng.uniform(0.15, 0.85); // resonance position on the frequency axis
    const gain = rng.uniform(0.5, 2.0); // load-dependent amplitude
    const floor = rng.uniform(0.05, 0.2); // broadband noise floor
    const row = [];
    for (let b = 0; b < BINS; b++) {
      const f = b / (BINS - 1);
      row.push(floor + gain * Math.exp(-((f - peak) ** 2) / (2 * 0.1 ** 2)) + rng.normal(0, 0.03));
    }
    rows.push(row);
  }
  return rows;
}

function dense(inputs, units, activation) {
  return tf.layers.dense({ units, activation, inputShape: [inputs] });
}

async function main() {
  await tf.setBackend('wasm');

  const xTrainRaw = tf.tensor2d(recordSpectra(N_TRAIN), [N_TRAIN, BINS]);
  const xTestRaw = tf.tensor2d(recordSpectra(N_TEST), [N_TEST, BINS]);
  const { mean, variance } = tf.moments(xTrainRaw, 0);
  const std = variance.sqrt().add(1e-6);
  const xTrain = xTrainRaw.sub(mean).div(std);
  const xTest = xTestRaw.sub(mean).div(std);

  const encoder = tf.sequential();
  encoder.add(dense(BINS, 64, 'relu'));
  encoder.add(tf.layers.dense({ units: 32, activation: 'relu' }));
  encoder.add(tf.layers.dense({ units: 2 * LATENT })); // [mu, logVar]
  const decoder = tf.sequential();
  decoder.add(dense(LATENT, 32, 'relu'));
  decoder.add(tf.layers.dense({ units: 64, activation: 'relu' }));
  decoder.add(tf.layers.dense({ units: BINS }));
  const optimizer = tf.train.adam(0.003);

  function encode(x) {
    const h = encoder.predict(x);
    return [h.slice([0, 0], [-1, LATENT]), h.slice([0, LATENT], [-1, LATENT])];
  }

  // per-example losses: squared error summed over bins, KL(q(z|x) || N(0, I)) summed over the code
  function terms(x, sample) {
    const [mu, logVar] = encode(x);
    const z = sample ? mu.add(tf.exp(logVar.mul(0.5)).mul(tf.randomNormal(mu.shape))) : mu;
    const recon = decoder.predict(z).sub(x).square().sum(1).mean();
    const kl = tf.scalar(-0.5).mul(tf.scalar(1).add(logVar).sub(mu.square()).sub(logVar.exp()).sum(1).mean());
    return { recon, kl };
  }

  const order = Array.from({ length: N_TRAIN }, (_, i) => i);
  const epochLoss = [];
  let lastRecon = 0;
  let lastKl = 0;
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    const beta = epoch / ANNEAL_EPOCHS;
    for (let i = order.length - 1; i > 0; i--) {
      const j = rng.int(0, i + 1);
      [order[i], order[j]] = [order[j], order[i]];
    }
    const losses = [];
    const recons = [];
    const kls = [];
    for (let start = 0; start < N_TRAIN; start += BATCH_SIZE) {
      const idx = tf.tensor1d(order.slice(start, start + BATCH_SIZE), 'int32');
      const xb = tf.gather(xTrain, idx);
      const loss = optimizer.minimize(() => {
        const { recon, kl } = terms(xb, true);
        recons.push(tf.keep(recon));
        kls.push(tf.keep(kl));
        return recon.add(kl.mul(beta));
      }, true);
      losses.push(loss);
      tf.dispose([idx, xb]);
    }
    const [sum, reconSum, klSum] = [losses, recons, kls].map((ts) => tf.addN(ts).dataSync()[0] / ts.length);
    tf.dispose([...losses, ...recons, ...kls]);
    epochLoss.push(sum);
    lastRecon = reconSum;
    lastKl = klSum;
  }

  const testRecon = tf.tidy(() => terms(xTest, false).recon.div(BINS).dataSync()[0]);
  const first = epochLoss[0];
  const final = epochLoss[epochLoss.length - 1];
  console.log(`loss ${first.toFixed(3)} -> ${final.toFixed(3)} recon ${lastRecon.toFixed(3)} kl ${lastKl.toFixed(3)} | test recon mse per bin ${testRecon.toFixed(4)} (data variance 1)`);
}

main();
