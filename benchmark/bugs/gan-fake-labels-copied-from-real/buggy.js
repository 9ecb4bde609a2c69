'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(9661);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Synthetic GPS fixes for a simulator: delivery drones circle a depot on a holding ring of
// radius 2 km, and a small GAN learns the 2-D distribution of the logged positions (km east,
// km north of the depot) so the simulator can draw realistic fixes.
// Dense generator (noise -> position) and dense discriminator (position -> real/fake logit),
// trained in a hand-written loop with one Adam optimizer each.
const NOISE_DIM = 4;
const RADIUS = 2.0;
const N_LOG = 4000;
const N_SAMPLE = 2000;
const BATCH = 64;
const STEPS = 1000;
const ANGLE_BINS = 12;

function readHoldingFixes(n) {
  const xy = [];
  for (let i = 0; i < n; i++) {
    const angle = rng.uniform(0, 2 * Math.PI);
    const r = RADIUS + rng.normal(0, 0.08);
    xy.push([r * Math.cos(angle), r * Math.sin(angle)]);
  }
  return xy;
}

function sampleNoise(n) {
  return tf.randomNormal([n, NOISE_DIM], 0, 1, 'float32', rng.int(0, 1e9));
}

// how far the points are from the ring, and how many of the angular sectors they reach
function ringStats(xy) {
  const hits = new Array(ANGLE_BINS).fill(0);
  let dist = 0;
  for (const [x, y] of xy) {
    dist += Math.abs(Math.hypot(x, y) - RADIUS);
    const a = (Math.atan2(y, x) + 2 * Math.PI) % (2 * Math.PI);
    hits[Math.min(Math.floor((a / (2 * Math.PI)) * ANGLE_BINS), ANGLE_BINS - 1)] += 1;
  }
  const covered = hits.filter((h) => h >= (0.25 * xy.length) / ANGLE_BINS).length;
  return { dist: dist / xy.length, coverage: covered / ANGLE_BINS };
}

async function main() {
  await tf.setBackend('wasm');

  const fixes = readHoldingFixes(N_LOG);
  const realAll = tf.tensor2d(fixes, [N_LOG, 2]);

  const generator = tf.sequential();
  generator.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [NOISE_DIM] }));
  generator.add(tf.layers.dense({ units: 32, activation: 'relu' }));
  generator.add(tf.layers.dense({ units: 2 }));

  const discriminator = tf.sequential();
  discriminator.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [2] }));
  discriminator.add(tf.layers.dense({ units: 32, activation: 'relu' }));
  discriminator.add(tf.layers.dense({ units: 1 }));

  const genVars = generator.trainableWeights.map((w) => w.val);
  const discVars = discriminator.trainableWeights.map((w) => w.val);
  const genOptimizer = tf.train.adam(0.002, 0.5);
  const discOptimizer = tf.train.adam(0.002, 0.5);

  const dLosses = [];
  const gLosses = [];
  for (let step = 0; step < STEPS; step++) {
    const [dLoss, gLoss] = tf.tidy(() => {
      const idx = tf.tensor1d(Int32Array.from({ length: BATCH }, () => rng.int(0, N_LOG)), 'int32');
      const real = realAll.gather(idx);
      const fake = generator.predict(sampleNoise(BATCH));
      const realLabels = tf.ones([BATCH, 1]);
      const fakeLabels = tf.ones([BATCH, 1]);

      // discriminator step: logged fixes -> 1, generated fixes -> 0
      const d = discOptimizer.minimize(() => {
        const realLoss = tf.losses.sigmoidCrossEntropy(realLabels, discriminator.predict(real));
        const fakeLoss = tf.losses.sigmoidCrossEntropy(fakeLabels, discriminator.predict(fake));
        return realLoss.add(fakeLoss).div(2);
      }, true, discVars);

      // generator step: fresh samples should be scored as real
      const g = genOptimizer.minimize(() => {
        const scores = discriminator.predict(generator.predict(sampleNoise(BATCH)));
        return tf.losses.sigmoidCrossEntropy(realLabels, scores);
      }, true, genVars);

      return [d.dataSync()[0], g.dataSync()[0]];
    });
    dLosses.push(dLoss);
    gLosses.push(gLoss);
  }

  const generated = tf.tidy(() => generator.predict(sampleNoise(N_SAMPLE)).arraySync());
  const gen = ringStats(generated);
  const ref = ringStats(readHoldingFixes(N_SAMPLE));
  const avg = (xs) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const first = (xs) => avg(xs.slice(0, 50));
  const lastAvg = (xs) => avg(xs.slice(-50));
  console.log(`d loss ${first(dLosses).toFixed(3)} -> ${lastAvg(dLosses).toFixed(3)} g loss ${first(gLosses).toFixed(3)} -> ${lastAvg(gLosses).toFixed(3)} | held-out fixes: ring dist ${ref.dist.toFixed(3)} km coverage ${ref.coverage.toFixed(2)} | generated: ring dist ${gen.dist.toFixed(3)} km coverage ${gen.coverage.toFixed(2)}`);
}

main();
