'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(7731);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Variational autoencoder for 8x8 detector frames with one bright spot each (a Gaussian blob
// at a random position with a random width and brightness, plus a little sensor noise; pixel
// values in [0, 1]). Dense encoder to the mean and log-variance of a 2-d latent code,
// reparameterized sample, dense decoder with a sigmoid output. Custom training loop: the loss
// is the binary cross-entropy reconstruction term plus the KL divergence to the N(0, I) prior.
const SIDE = 8;
const N_PIXELS = SIDE * SIDE;
const LATENT = 2;
const N_TRAIN = 1280;
const N_TEST = 500;
const EPOCHS = 15;
const BATCH_SIZE = 64;

function makeFrames(n) {
  const frames = [];
  for (let k = 0; k < n; k++) {
    const cx = rng.uniform(1, SIDE - 2);
    const cy = rng.uniform(1, SIDE - 2);
    const width = rng.uniform(0.9, 1.6);
    const brightness = rng.uniform(0.7, 1);
    const frame = [];
    for (let y = 0; y < SIDE; y++) {
      for (let x = 0; x < SIDE; x++) {
        const v = brightness * Math.exp(-((x - cx) ** 2 + (y - cy) ** 2) / (2 * width * width)) + rng.normal(0, 0.02);
        frame.push(Math.min(1, Math.max(0, v)));
      }
    }
    frames.push(frame);
  }
  return frames;
}

async function main() {
  await tf.setBackend('wasm');

  const xTrain = tf.tensor2d(makeFrames(N_TRAIN), [N_TRAIN, N_PIXELS]);
  const xTest = tf.tensor2d(makeFrames(N_TEST), [N_TEST, N_PIXELS]);

  const encoder = tf.sequential();
  encoder.add(tf.layers.dense({ units: 64, activation: 'relu', inputShape: [N_PIXELS] }));
  encoder.add(tf.layers.dense({ units: 2 * LATENT }));
  const decoder = tf.sequential();
  decoder.add(tf.layers.dense({ units: 64, activation: 'relu', inputShape: [LATENT] }));
  decoder.add(tf.layers.dense({ units: N_PIXELS, activation: 'sigmoid' }));

  const encode = (x) => tf.split(encoder.apply(x), 2, 1);
  const sample = (mu, logVar) => mu.add(tf.exp(logVar.mul(0.5)).mul(tf.randomNormal(mu.shape)));

  function vaeLoss(xb) {
    const [mu, logVar] = encode(xb);
    const xHat = decoder.apply(sample(mu, logVar));
    const recon = tf.losses.logLoss(xb, xHat, undefined, undefined, tf.Reduction.SUM);
    const kl = tf.sum(tf.scalar(1).add(logVar).sub(mu.square()).sub(logVar.exp())).mul(-0.5);
    return recon.add(kl);
  }

  const optimizer = tf.train.adam(0.003);
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

  // Held-out reconstruction through the posterior mean, compared with always predicting the mean frame.
  const evaluate = (x) =>
    tf.tidy(() => {
      const [mu, logVar] = encode(x);
      const mse = decoder.predict(mu).sub(x).square().mean().dataSync()[0];
      const baseline = x.sub(xTrain.mean(0)).square().mean().dataSync()[0];
      const kl = tf.scalar(1).add(logVar).sub(mu.square()).sub(logVar.exp()).sum(1).mul(-0.5).mean().dataSync()[0];
      return [mse, baseline, kl];
    });
  const [trainMse] = evaluate(xTrain);
  const [testMse, meanFrameMse, testKl] = evaluate(xTest);
  console.log(`loss ${losses[0].toFixed(3)} -> ${losses[losses.length - 1].toFixed(3)} recon mse ${trainMse.toFixed(4)} | test recon mse ${testMse.toFixed(4)} (mean-frame mse ${meanFrameMse.toFixed(4)}) test kl ${testKl.toFixed(3)}`);
}

main();
