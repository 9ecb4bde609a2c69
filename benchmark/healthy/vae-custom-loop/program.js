'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(5309);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// A variational autoencoder in the style of tfjs-examples' fashion-mnist-vae, on 32-value
// "1-D images" in [0, 1]: each is one bump whose position, width and height are three latent
// factors, over a faint background, plus pixel noise. The encoder outputs z_mean and z_log_var,
// z is drawn by the reparameterization trick, the decoder ends in a sigmoid, and the loss
// (binary cross-entropy summed over pixels + KL to N(0, I)) is minimized in a hand-written loop.
const DIM = 32;
const LATENT = 3;
const BATCH = 64;
const EPOCHS = 30;

function makeImages(n) {
  const rows = new Float32Array(n * DIM);
  for (let i = 0; i < n; i++) {
    const centre = rng.uniform(4, DIM - 4);
    const width = rng.uniform(1.5, 4);
    const height = rng.uniform(0.5, 0.95);
    for (let j = 0; j < DIM; j++) {
      const v = 0.03 + height * Math.exp(-((j - centre) ** 2) / (2 * width * width));
      rows[i * DIM + j] = Math.min(1, Math.max(0, v + rng.normal(0, 0.02)));
    }
  }
  return rows;
}

// Per-example binary cross-entropy summed over pixels, and KL(q(z|x) || N(0, I)).
function reconstructionLoss(x, decoded) {
  return tf.metrics.binaryCrossentropy(x, decoded).mul(DIM);
}
function klDivergence(zMean, zLogVar) {
  return zLogVar.add(1).sub(zMean.square()).sub(zLogVar.exp()).sum(-1).mul(-0.5);
}

async function main() {
  await tf.setBackend('wasm');

  const NTRAIN = 2000;
  const NTEST = 500;
  const xTrain = tf.tensor2d(makeImages(NTRAIN), [NTRAIN, DIM]);
  const xTest = tf.tensor2d(makeImages(NTEST), [NTEST, DIM]);

  const encoderInput = tf.input({ shape: [DIM] });
  const hidden = tf.layers.dense({ units: 64, activation: 'relu' }).apply(encoderInput);
  const zMeanOut = tf.layers.dense({ units: LATENT, name: 'z_mean' }).apply(hidden);
  const zLogVarOut = tf.layers.dense({ units: LATENT, name: 'z_log_var' }).apply(hidden);
  const encoder = tf.model({ inputs: encoderInput, outputs: [zMeanOut, zLogVarOut] });

  const decoder = tf.sequential();
  decoder.add(tf.layers.dense({ units: 64, activation: 'relu', inputShape: [LATENT] }));
  decoder.add(tf.layers.dense({ units: DIM, activation: 'sigmoid' }));

  const optimizer = tf.train.adam(0.002);
  const variables = encoder.trainableWeights.concat(decoder.trainableWeights).map((w) => w.read());

  const losses = [];
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    const order = tf.util.createShuffledIndices(NTRAIN);
    let sum = 0;
    let batches = 0;
    for (let start = 0; start + BATCH <= NTRAIN; start += BATCH) {
      const idx = tf.tensor1d(Int32Array.from(order.slice(start, start + BATCH)), 'int32');
      const xb = tf.gather(xTrain, idx);
      const cost = optimizer.minimize(() => {
        const [zMean, zLogVar] = encoder.apply(xb);
        const epsilon = tf.randomNormal(zMean.shape, 0, 1, 'float32', rng.int(0, 1e9));
        const z = zMean.add(zLogVar.mul(0.5).exp().mul(epsilon));
        const decoded = decoder.apply(z);
        return reconstructionLoss(xb, decoded).add(klDivergence(zMean, zLogVar)).mean();
      }, true, variables);
      sum += cost.dataSync()[0];
      batches++;
      tf.dispose([idx, xb, cost]);
    }
    losses.push(sum / batches);
  }

  // Held-out check on fresh images: reconstruction from z_mean against the baseline of always
  // predicting the training mean image, and the KL term (0 would mean a collapsed posterior).
  const [testMse, baselineMse, testKl] = tf.tidy(() => {
    const [zMean, zLogVar] = encoder.predict(xTest);
    const decoded = decoder.predict(zMean);
    const mse = tf.losses.meanSquaredError(xTest, decoded);
    const baseline = tf.losses.meanSquaredError(xTest, xTrain.mean(0, true).tile([NTEST, 1]));
    const kl = klDivergence(zMean, zLogVar).mean();
    return [mse, baseline, kl].map((t) => t.dataSync()[0]);
  });
  console.log(`loss ${losses[0].toFixed(3)} -> ${losses[losses.length - 1].toFixed(3)} | held-out MSE ${testMse.toFixed(5)} vs mean baseline ${baselineMse.toFixed(5)} (ratio ${(testMse / baselineMse).toFixed(3)}), KL ${testKl.toFixed(2)} nats`);
}

main();
