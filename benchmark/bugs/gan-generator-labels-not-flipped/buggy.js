'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(9561);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Synthetic sensor readings for test rigs: a small GAN learns the distribution of the outlet
// pressure (bar) logged by a pump station so we can draw realistic readings on demand.
// Dense generator (noise -> reading) and dense discriminator (reading -> real/fake logit),
// trained in a hand-written loop with one Adam optimizer each. A second log is kept aside to
// compare the generated readings with.
const NOISE_DIM = 8;
const N_LOG = 4000;
const N_HELDOUT = 2000;
const BATCH = 64;
const STEPS = 800;

function readPressureLog(n) {
  return rng.array(n, () => rng.normal(4.0, 0.6));
}

function sampleNoise(n) {
  return tf.randomNormal([n, NOISE_DIM], 0, 1, 'float32', rng.int(0, 1e9));
}

function meanStd(values) {
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  const variance = values.reduce((a, b) => a + (b - mean) * (b - mean), 0) / values.length;
  return { mean, std: Math.sqrt(variance) };
}

async function main() {
  await tf.setBackend('wasm');

  const log = readPressureLog(N_LOG);
  const heldout = readPressureLog(N_HELDOUT);
  const realAll = tf.tensor2d(log, [N_LOG, 1]);

  const generator = tf.sequential();
  generator.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [NOISE_DIM] }));
  generator.add(tf.layers.dense({ units: 32, activation: 'relu' }));
  generator.add(tf.layers.dense({ units: 1 }));

  const discriminator = tf.sequential();
  discriminator.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [1] }));
  discriminator.add(tf.layers.dense({ units: 32, activation: 'relu' }));
  discriminator.add(tf.layers.dense({ units: 1 }));

  const genVars = generator.trainableWeights.map((w) => w.val);
  const discVars = discriminator.trainableWeights.map((w) => w.val);
  const genOptimizer = tf.train.adam(0.002, 0.5);
  const discOptimizer = tf.train.adam(0.002, 0.5);

  const realLabels = tf.ones([BATCH, 1]);
  const fakeLabels = tf.zeros([BATCH, 1]);

  const dLosses = [];
  const gLosses = [];
  for (let step = 0; step < STEPS; step++) {
    const [dLoss, gLoss] = tf.tidy(() => {
      const idx = tf.tensor1d(Int32Array.from({ length: BATCH }, () => rng.int(0, N_LOG)), 'int32');
      const real = realAll.gather(idx);
      const fake = generator.predict(sampleNoise(BATCH));

      // discriminator: real readings -> 1, generated readings -> 0
      const d = discOptimizer.minimize(() => {
        const realLoss = tf.losses.sigmoidCrossEntropy(realLabels, discriminator.predict(real));
        const fakeLoss = tf.losses.sigmoidCrossEntropy(fakeLabels, discriminator.predict(fake));
        return realLoss.add(fakeLoss).div(2);
      }, true, discVars);

      // generator: make the discriminator score fresh samples
      const g = genOptimizer.minimize(() => {
        const scores = discriminator.predict(generator.predict(sampleNoise(BATCH)));
        return tf.losses.sigmoidCrossEntropy(fakeLabels, scores);
      }, true, genVars);

      return [d.dataSync()[0], g.dataSync()[0]];
    });
    dLosses.push(dLoss);
    gLosses.push(gLoss);
  }

  const generated = tf.tidy(() => generator.predict(sampleNoise(N_HELDOUT)).dataSync());
  const gen = meanStd(Array.from(generated));
  const ref = meanStd(heldout);
  const avg = (xs) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const first = (xs) => avg(xs.slice(0, 50));
  const lastAvg = (xs) => avg(xs.slice(-50));
  console.log(`d loss ${first(dLosses).toFixed(3)} -> ${lastAvg(dLosses).toFixed(3)} g loss ${first(gLosses).toFixed(3)} -> ${lastAvg(gLosses).toFixed(3)} | held-out real mean ${ref.mean.toFixed(3)} std ${ref.std.toFixed(3)} | generated mean ${gen.mean.toFixed(3)} std ${gen.std.toFixed(3)}`);
}

main();
