'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(9710);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Synthetic SCADA records for testing a wind-farm monitoring dashboard: a small GAN learns the
// joint distribution of 10-minute turbine readings (wind speed m/s, power kW, rotor speed rpm,
// nacelle temperature C) from the logged history. Each column is min-max scaled to [-1, 1] with
// the ranges of the log; generated rows are mapped back to physical units. Dense generator and
// discriminator, hand-written training loop, one Adam each.
const CONFIG = {
  latentDim: 8,
  batch: 64,
  steps: 800,
  lr: 0.002,
};
const N_LOG = 6000;
const N_EVAL = 2000;
const NUM_FEATURES = 4;
const COLUMNS = ['wind', 'power', 'rotor', 'temp'];

function readScada(n) {
  const rows = [];
  for (let i = 0; i < n; i++) {
    // Weibull-distributed wind speed, shape 2, scale 8 m/s
    const wind = Math.min(25, 8 * Math.sqrt(-Math.log(1 - rng.random())));
    const load = wind < 3 ? 0 : Math.min(1, ((wind - 3) / 9) ** 3);
    const power = Math.max(0, 2000 * load + rng.normal(0, 40));
    const rotor = wind < 3 ? rng.uniform(0, 2) : Math.min(16, 6 + 1.1 * wind) + rng.normal(0, 0.5);
    const temp = 18 + 12 * load + rng.normal(0, 3);
    rows.push([wind, power, rotor, temp]);
  }
  return rows;
}

// 1-D Wasserstein distance between two samples of equal size, in units of the reference std
function wasserstein(a, b) {
  const sa = [...a].sort((x, y) => x - y);
  const sb = [...b].sort((x, y) => x - y);
  const mean = sb.reduce((s, v) => s + v, 0) / sb.length;
  const std = Math.sqrt(sb.reduce((s, v) => s + (v - mean) ** 2, 0) / sb.length);
  return sa.reduce((s, v, i) => s + Math.abs(v - sb[i]), 0) / sa.length / std;
}

async function main() {
  await tf.setBackend('wasm');

  const log = readScada(N_LOG);
  const lo = COLUMNS.map((_, j) => Math.min(...log.map((r) => r[j])));
  const hi = COLUMNS.map((_, j) => Math.max(...log.map((r) => r[j])));
  const scaled = log.map((r) => r.map((v, j) => (2 * (v - lo[j])) / (hi[j] - lo[j]) - 1));
  const realAll = tf.tensor2d(scaled, [N_LOG, NUM_FEATURES]);

  const generator = tf.sequential();
  generator.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [CONFIG.latentDim] }));
  generator.add(tf.layers.dense({ units: 32, activation: 'relu' }));
  generator.add(tf.layers.dense({ units: NUM_FEATURES, activation: 'sigmoid' }));

  const discriminator = tf.sequential();
  discriminator.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [NUM_FEATURES] }));
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
      const z = tf.randomNormal([CONFIG.batch, CONFIG.latentDim]);
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

  // draw synthetic records and map them back to physical units
  const generatedScaled = tf.tidy(() => generator.predict(tf.randomNormal([N_EVAL, CONFIG.latentDim])).arraySync());
  const generated = generatedScaled.map((r) => r.map((v, j) => lo[j] + ((v + 1) / 2) * (hi[j] - lo[j])));
  const heldOut = readScada(N_EVAL);
  const w1 = COLUMNS.map((_, j) => wasserstein(generated.map((r) => r[j]), heldOut.map((r) => r[j])));
  const calmReal = heldOut.filter((r) => r[0] < 6).length / N_EVAL;
  const calmGen = generated.filter((r) => r[0] < 6).length / N_EVAL;
  const avg = (xs) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const first = (xs) => avg(xs.slice(0, 50));
  const lastAvg = (xs) => avg(xs.slice(-50));
  console.log(`d loss ${first(dLosses).toFixed(3)} -> ${lastAvg(dLosses).toFixed(3)} g loss ${first(gLosses).toFixed(3)} -> ${lastAvg(gLosses).toFixed(3)} | wasserstein vs held-out (std units) ${COLUMNS.map((c, j) => `${c} ${w1[j].toFixed(2)}`).join(' ')} mean ${avg(w1).toFixed(2)} | wind < 6 m/s: held-out ${calmReal.toFixed(2)} generated ${calmGen.toFixed(2)}`);
}

main();
