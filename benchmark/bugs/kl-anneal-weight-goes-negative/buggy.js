'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(9658);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Variational autoencoder for household electricity load profiles: 24 hourly readings (kW) per
// day, shaped by when the morning and evening peaks happen, how large they are and the baseload.
// The latent code feeds a clustering step for tariff design. Trained in a custom loop; the KL term
// is brought in gradually (KL annealing) so the decoder learns to use the code before the prior
// pulls the posteriors together.
const N_TRAIN = 1200;
const N_TEST = 400;
const HOURS = 24;
const LATENT = 4;
const BATCH_SIZE = 100;
const EPOCHS = 30;
const ANNEAL_EPOCHS = 12;

function meterDays(n) {
  const rows = [];
  for (let i = 0; i < n; i++) {
    const base = rng.uniform(0.2, 0.6);
    const morningAt = rng.uniform(6, 9);
    const morning = rng.uniform(0.3, 1.5);
    const eveningAt = rng.uniform(17, 21);
    const evening = rng.uniform(0.8, 3.0);
    const row = [];
    for (let h = 0; h < HOURS; h++) {
      const load = base
        + morning * Math.exp(-((h - morningAt) ** 2) / (2 * 1.2 ** 2))
        + evening * Math.exp(-((h - eveningAt) ** 2) / (2 * 1.8 ** 2))
        + rng.normal(0, 0.05);
      row.push(Math.max(0, load));
    }
    rows.push(row);
  }
  return rows;
}

async function main() {
  await tf.setBackend('wasm');

  const xTrainRaw = tf.tensor2d(meterDays(N_TRAIN), [N_TRAIN, HOURS]);
  const xTestRaw = tf.tensor2d(meterDays(N_TEST), [N_TEST, HOURS]);
  const { mean, variance } = tf.moments(xTrainRaw, 0);
  const std = variance.sqrt().add(1e-6);
  const xTrain = xTrainRaw.sub(mean).div(std);
  const xTest = xTestRaw.sub(mean).div(std);

  const encoder = tf.sequential();
  encoder.add(tf.layers.dense({ units: 64, activation: 'relu', inputShape: [HOURS] }));
  encoder.add(tf.layers.dense({ units: 32, activation: 'relu' }));
  encoder.add(tf.layers.dense({ units: 2 * LATENT })); // [mu, logVar]
  const decoder = tf.sequential();
  decoder.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [LATENT] }));
  decoder.add(tf.layers.dense({ units: 64, activation: 'relu' }));
  decoder.add(tf.layers.dense({ units: HOURS }));
  const optimizer = tf.train.adam(0.003);

  // per-example terms: squared error summed over the hours, KL(q(z|x) || N(0, I)) summed over the code
  function vaeTerms(x, sample) {
    const h = encoder.predict(x);
    const mu = h.slice([0, 0], [-1, LATENT]);
    const logVar = h.slice([0, LATENT], [-1, LATENT]);
    const z = sample ? mu.add(tf.exp(logVar.mul(0.5)).mul(tf.randomNormal(mu.shape))) : mu;
    const recon = decoder.predict(z).sub(x).square().sum(1).mean();
    const kl = logVar.exp().add(mu.square()).sub(logVar).sub(1).sum(1).mean().mul(0.5);
    return { recon, kl };
  }

  const order = Array.from({ length: N_TRAIN }, (_, i) => i);
  const epochLoss = [];
  let lastRecon = 0;
  let lastKl = 0;
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    const beta = 1 - epoch / ANNEAL_EPOCHS;
    for (let i = order.length - 1; i > 0; i--) {
      const j = rng.int(0, i + 1);
      [order[i], order[j]] = [order[j], order[i]];
    }
    let lossSum = 0;
    let reconSum = 0;
    let klSum = 0;
    let batches = 0;
    for (let start = 0; start < N_TRAIN; start += BATCH_SIZE) {
      const idx = tf.tensor1d(order.slice(start, start + BATCH_SIZE), 'int32');
      const xb = tf.gather(xTrain, idx);
      let parts;
      const loss = optimizer.minimize(() => {
        const { recon, kl } = vaeTerms(xb, true);
        parts = tf.keep(tf.stack([recon, kl]));
        return recon.add(kl.mul(beta));
      }, true);
      const [r, k] = parts.dataSync();
      lossSum += loss.dataSync()[0];
      reconSum += r;
      klSum += k;
      batches += 1;
      tf.dispose([idx, xb, loss, parts]);
    }
    epochLoss.push(lossSum / batches);
    lastRecon = reconSum / batches;
    lastKl = klSum / batches;
  }

  const testRecon = tf.tidy(() => vaeTerms(xTest, false).recon.div(HOURS).dataSync()[0]);
  const first = epochLoss[0];
  const final = epochLoss[epochLoss.length - 1];
  console.log(`loss ${first.toFixed(3)} -> ${final.toFixed(3)} recon ${lastRecon.toFixed(3)} kl ${lastKl.toFixed(3)} | test recon mse per hour ${testRecon.toFixed(4)} (data variance 1)`);
}

main();
