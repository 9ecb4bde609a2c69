'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(4127);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// A small GAN in the style of tfjs-examples' mnist-acgan, shrunk to dense layers: the generator
// maps 4-dim Gaussian noise to 2-D points, the target being points on a ring of radius 2 (radial
// noise 0.1, uniform angle). The discriminator is compiled on its own, then frozen inside the
// combined generator -> discriminator model, and training alternates the two trainOnBatch steps.
// Unlike Keras, tfjs's `trainable` setter reaches the underlying tf.Variables, so the flag is
// switched back on around each discriminator step (the combined model collected only the
// generator's weights when it was compiled).
const SOFT_ONE = 0.95; // one-sided label smoothing for "real", as in mnist-acgan
const LATENT = 4;
const RADIUS = 2;
const RADIAL_NOISE = 0.1;
const BATCH = 64;
const STEPS = 800;
const SECTORS = 8;

function sampleRing(n) {
  const pts = new Float32Array(n * 2);
  for (let i = 0; i < n; i++) {
    const angle = rng.uniform(0, 2 * Math.PI);
    const r = RADIUS + rng.normal(0, RADIAL_NOISE);
    pts[i * 2] = r * Math.cos(angle);
    pts[i * 2 + 1] = r * Math.sin(angle);
  }
  return pts;
}

function sampleNoise(n) {
  return Float32Array.from(rng.array(n * LATENT, () => rng.normal(0, 1)));
}

// Radius mean/std, the share of points within 0.3 of the ring and the smallest share of points in
// any of 8 angular sectors (truth: 2, 0.1, 0.997, about 1/8).
function ringStats(pts) {
  const n = pts.length / 2;
  const radii = [];
  let near = 0;
  const sectors = new Array(SECTORS).fill(0);
  for (let i = 0; i < n; i++) {
    const x = pts[i * 2];
    const y = pts[i * 2 + 1];
    radii.push(Math.hypot(x, y));
    if (Math.abs(Math.hypot(x, y) - RADIUS) <= 0.3) near += 1 / n;
    const a = Math.atan2(y, x) + Math.PI;
    sectors[Math.min(SECTORS - 1, Math.floor((a / (2 * Math.PI)) * SECTORS))] += 1 / n;
  }
  const mean = radii.reduce((s, r) => s + r, 0) / n;
  const std = Math.sqrt(radii.reduce((s, r) => s + (r - mean) ** 2, 0) / n);
  return { mean, std, near, minSector: Math.min(...sectors) };
}

async function main() {
  await tf.setBackend('wasm');

  const generator = tf.sequential();
  generator.add(tf.layers.dense({ units: 64, inputShape: [LATENT] }));
  generator.add(tf.layers.leakyReLU({ alpha: 0.2 }));
  generator.add(tf.layers.dense({ units: 64 }));
  generator.add(tf.layers.leakyReLU({ alpha: 0.2 }));
  generator.add(tf.layers.dense({ units: 2 }));

  const discriminator = tf.sequential();
  discriminator.add(tf.layers.dense({ units: 64, inputShape: [2] }));
  discriminator.add(tf.layers.leakyReLU({ alpha: 0.2 }));
  discriminator.add(tf.layers.dense({ units: 64 }));
  discriminator.add(tf.layers.leakyReLU({ alpha: 0.2 }));
  discriminator.add(tf.layers.dense({ units: 1, activation: 'sigmoid' }));
  discriminator.compile({ optimizer: tf.train.adam(0.001, 0.5), loss: 'binaryCrossentropy' });

  // Combined model: noise -> generator -> frozen discriminator, trained to answer "real".
  const latent = tf.input({ shape: [LATENT] });
  const generated = generator.apply(latent);
  discriminator.trainable = false;
  const validity = discriminator.apply(generated);
  const combined = tf.model({ inputs: latent, outputs: validity });
  combined.compile({ optimizer: tf.train.adam(0.001, 0.5), loss: 'binaryCrossentropy' });

  // Discriminator batch: BATCH real points (label SOFT_ONE) then BATCH generated points (label 0).
  const dLabels = tf.tensor2d(rng.array(2 * BATCH, (i) => (i < BATCH ? SOFT_ONE : 0)), [2 * BATCH, 1]);
  const gLabels = tf.fill([BATCH, 1], SOFT_ONE);
  const dLosses = [];
  const gLosses = [];
  for (let step = 0; step < STEPS; step++) {
    const real = tf.tensor2d(sampleRing(BATCH), [BATCH, 2]);
    const noise = tf.tensor2d(sampleNoise(BATCH), [BATCH, LATENT]);
    const fake = generator.predict(noise);
    const dInputs = tf.concat([real, fake], 0);
    discriminator.trainable = true;
    const dLoss = await discriminator.trainOnBatch(dInputs, dLabels);
    discriminator.trainable = false;
    tf.dispose([real, noise, fake, dInputs]);

    const gNoise = tf.tensor2d(sampleNoise(BATCH), [BATCH, LATENT]);
    const gLoss = await combined.trainOnBatch(gNoise, gLabels);
    gNoise.dispose();
    dLosses.push(dLoss);
    gLosses.push(gLoss);
  }

  // Held-out check: 1000 fresh generated samples against the ring, and fresh real samples.
  const N = 1000;
  const testNoise = tf.tensor2d(sampleNoise(N), [N, LATENT]);
  const samples = generator.predict(testNoise).dataSync();
  const gen = ringStats(samples);
  const truth = ringStats(sampleRing(N));
  const avg = (a) => a.reduce((s, v) => s + v, 0) / a.length;
  console.log(`d loss ${avg(dLosses.slice(0, 100)).toFixed(3)} -> ${avg(dLosses.slice(-100)).toFixed(3)}, g loss ${avg(gLosses.slice(0, 100)).toFixed(3)} -> ${avg(gLosses.slice(-100)).toFixed(3)} | held-out radius ${gen.mean.toFixed(3)} +- ${gen.std.toFixed(3)} (truth ${truth.mean.toFixed(3)} +- ${truth.std.toFixed(3)}), within 0.3 of ring ${gen.near.toFixed(3)} (truth ${truth.near.toFixed(3)}), min sector share ${gen.minSector.toFixed(3)} (truth ${truth.minSector.toFixed(3)})`);
}

main();
