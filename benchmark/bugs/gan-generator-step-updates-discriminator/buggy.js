'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(9597);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Synthetic tip positions for a robot-arm test bench: the end effector sweeps a circle of radius
// 2 (in 10 cm units) around the fixture, with some jitter from the controller. A small GAN
// learns the distribution of logged (x, y) positions so the bench can replay realistic
// trajectories. Dense generator (noise -> point) and dense discriminator (point -> real/fake
// logit), trained in a hand-written loop with one Adam optimizer each. A second log is held
// out to compare the generated points with.
const NOISE_DIM = 8;
const RADIUS = 2;
const JITTER = 0.1;
const N_LOG = 4000;
const N_HELDOUT = 2000;
const BATCH = 64;
const STEPS = 1000;

function readTipLog(n) {
  const points = [];
  for (let i = 0; i < n; i++) {
    const angle = rng.uniform(0, 2 * Math.PI);
    const r = RADIUS + rng.normal(0, JITTER);
    points.push([r * Math.cos(angle), r * Math.sin(angle)]);
  }
  return points;
}

function sampleNoise(n) {
  return tf.randomNormal([n, NOISE_DIM], 0, 1, 'float32', rng.int(0, 1e9));
}

// mean |distance from the centre - radius| and how evenly the points cover the circle
function ringStats(points) {
  const bins = new Array(8).fill(0);
  let off = 0;
  for (const [x, y] of points) {
    off += Math.abs(Math.hypot(x, y) - RADIUS);
    const bin = Math.floor(((Math.atan2(y, x) + Math.PI) / (2 * Math.PI)) * 8) % 8;
    bins[bin] += 1;
  }
  return { off: off / points.length, emptiest: Math.min(...bins) / (points.length / 8) };
}

async function main() {
  await tf.setBackend('wasm');

  const log = readTipLog(N_LOG);
  const heldout = readTipLog(N_HELDOUT);
  const realAll = tf.tensor2d(log, [N_LOG, 2]);

  const generator = tf.sequential();
  generator.add(tf.layers.dense({ units: 64, activation: 'relu', inputShape: [NOISE_DIM] }));
  generator.add(tf.layers.dense({ units: 64, activation: 'relu' }));
  generator.add(tf.layers.dense({ units: 2 }));

  const discriminator = tf.sequential();
  discriminator.add(tf.layers.dense({ units: 64, activation: 'relu', inputShape: [2] }));
  discriminator.add(tf.layers.dense({ units: 64, activation: 'relu' }));
  discriminator.add(tf.layers.dense({ units: 1 }));

  const discVars = discriminator.trainableWeights.map((w) => w.val);
  const genOptimizer = tf.train.adam(0.002, 0.5);
  const discOptimizer = tf.train.adam(0.002, 0.5);

  const realLabels = tf.ones([BATCH, 1]);
  const fakeLabels = tf.zeros([BATCH, 1]);

  const dLosses = [];
  const gLosses = [];
  for (let step = 0; step < STEPS; step++) {
    const [dLoss, gLoss] = tf.tidy(() => {
      const idx = Array.from({ length: BATCH }, () => rng.int(0, N_LOG));
      const real = tf.tensor2d(idx.map((i) => log[i]), [BATCH, 2]);
      const fake = generator.predict(sampleNoise(BATCH));

      // discriminator: logged points -> 1, generated points -> 0
      const d = discOptimizer.minimize(() => {
        const realLoss = tf.losses.sigmoidCrossEntropy(realLabels, discriminator.predict(real));
        const fakeLoss = tf.losses.sigmoidCrossEntropy(fakeLabels, discriminator.predict(fake));
        return realLoss.add(fakeLoss).div(2);
      }, true, discVars);

      // generator: make the discriminator score fresh samples as logged points
      const g = genOptimizer.minimize(() => {
        const scores = discriminator.predict(generator.predict(sampleNoise(BATCH)));
        return tf.losses.sigmoidCrossEntropy(realLabels, scores);
      }, true);

      return [d.dataSync()[0], g.dataSync()[0]];
    });
    dLosses.push(dLoss);
    gLosses.push(gLoss);
  }

  const generated = tf.tidy(() => generator.predict(sampleNoise(N_HELDOUT)).arraySync());
  const gen = ringStats(generated);
  const ref = ringStats(heldout);
  const avg = (xs) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const first = (xs) => avg(xs.slice(0, 50));
  const lastAvg = (xs) => avg(xs.slice(-50));
  console.log(`d loss ${first(dLosses).toFixed(3)} -> ${lastAvg(dLosses).toFixed(3)} g loss ${first(gLosses).toFixed(3)} -> ${lastAvg(gLosses).toFixed(3)} | held-out real off-ring ${ref.off.toFixed(3)} coverage ${ref.emptiest.toFixed(2)} | generated off-ring ${gen.off.toFixed(3)} coverage ${gen.emptiest.toFixed(2)}`);
}

main();
