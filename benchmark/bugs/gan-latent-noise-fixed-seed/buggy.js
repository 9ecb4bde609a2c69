'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(9673);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Synthetic pick-up locations for a ride-hailing simulator: riders are requested around 6 hubs
// (stations, malls, the airport, ...) placed on the ring road, 2 km from the centre. A small GAN
// learns the 2-D distribution of logged pick-ups (km east, km north) so the simulator can draw
// new requests from it. Dense generator and discriminator, hand-written loop, one Adam each.
const CONFIG = {
  latentDim: 4,
  hubs: 6,
  radius: 2.0,
  spread: 0.1,
  batch: 64,
  steps: 1200,
  lr: 0.002,
  seed: 42,
};
const N_LOG = 8000;
const N_EVAL = 2000;
const HUB_RADIUS = 0.4;
const HUBS = Array.from({ length: CONFIG.hubs }, (_, k) => {
  const angle = (2 * Math.PI * k) / CONFIG.hubs;
  return [CONFIG.radius * Math.cos(angle), CONFIG.radius * Math.sin(angle)];
});

function readPickups(n) {
  const xy = [];
  for (let i = 0; i < n; i++) {
    const [hx, hy] = HUBS[rng.int(0, CONFIG.hubs)];
    xy.push([hx + rng.normal(0, CONFIG.spread), hy + rng.normal(0, CONFIG.spread)]);
  }
  return xy;
}

// mean distance to the nearest hub, share of points within HUB_RADIUS of a hub, and how many
// hubs get at least a quarter of their fair share of the points
function hubStats(xy) {
  const hits = new Array(CONFIG.hubs).fill(0);
  let dist = 0;
  let near = 0;
  for (const [x, y] of xy) {
    let best = Infinity;
    let bestHub = 0;
    HUBS.forEach(([hx, hy], k) => {
      const d = Math.hypot(x - hx, y - hy);
      if (d < best) {
        best = d;
        bestHub = k;
      }
    });
    dist += best;
    if (best < HUB_RADIUS) {
      near += 1;
      hits[bestHub] += 1;
    }
  }
  const covered = hits.filter((h) => h >= (0.25 * xy.length) / CONFIG.hubs).length;
  return { dist: dist / xy.length, near: near / xy.length, covered };
}

async function main() {
  await tf.setBackend('wasm');

  const realAll = tf.tensor2d(readPickups(N_LOG), [N_LOG, 2]);

  const generator = tf.sequential();
  generator.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [CONFIG.latentDim] }));
  generator.add(tf.layers.dense({ units: 32, activation: 'relu' }));
  generator.add(tf.layers.dense({ units: 2 }));

  const discriminator = tf.sequential();
  discriminator.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [2] }));
  discriminator.add(tf.layers.dense({ units: 32, activation: 'relu' }));
  discriminator.add(tf.layers.dense({ units: 1 }));

  const genVars = generator.trainableWeights.map((w) => w.val);
  const discVars = discriminator.trainableWeights.map((w) => w.val);
  const genOptimizer = tf.train.adam(CONFIG.lr, 0.5);
  const discOptimizer = tf.train.adam(CONFIG.lr, 0.5);
  const ones = tf.ones([CONFIG.batch, 1]);
  const zeros = tf.zeros([CONFIG.batch, 1]);

  const dLosses = [];
  const gLosses = [];
  for (let step = 0; step < CONFIG.steps; step++) {
    const [dLoss, gLoss] = tf.tidy(() => {
      const idx = tf.tensor1d(rng.array(CONFIG.batch, () => rng.int(0, N_LOG)), 'int32');
      const real = realAll.gather(idx);
      const z = tf.randomNormal([CONFIG.batch, CONFIG.latentDim], 0, 1, 'float32', CONFIG.seed);
      const fake = generator.predict(z);

      const d = discOptimizer.minimize(() => {
        const realLoss = tf.losses.sigmoidCrossEntropy(ones, discriminator.predict(real));
        const fakeLoss = tf.losses.sigmoidCrossEntropy(zeros, discriminator.predict(fake));
        return realLoss.add(fakeLoss).div(2);
      }, true, discVars);

      const g = genOptimizer.minimize(() => {
        const scores = discriminator.predict(generator.predict(z));
        return tf.losses.sigmoidCrossEntropy(ones, scores);
      }, true, genVars);

      return [d.dataSync()[0], g.dataSync()[0]];
    });
    dLosses.push(dLoss);
    gLosses.push(gLoss);
  }

  // draw new pick-ups the way the simulator will
  const generated = tf.tidy(() => generator.predict(tf.randomNormal([N_EVAL, CONFIG.latentDim])).arraySync());
  const gen = hubStats(generated);
  const ref = hubStats(readPickups(N_EVAL));
  const avg = (xs) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const first = (xs) => avg(xs.slice(0, 50));
  const lastAvg = (xs) => avg(xs.slice(-50));
  console.log(`d loss ${first(dLosses).toFixed(3)} -> ${lastAvg(dLosses).toFixed(3)} g loss ${first(gLosses).toFixed(3)} -> ${lastAvg(gLosses).toFixed(3)} | held-out pick-ups: hub dist ${ref.dist.toFixed(3)} km near hub ${ref.near.toFixed(2)} hubs ${ref.covered}/${CONFIG.hubs} | generated: hub dist ${gen.dist.toFixed(3)} km near hub ${gen.near.toFixed(2)} hubs ${gen.covered}/${CONFIG.hubs}`);
}

main();
