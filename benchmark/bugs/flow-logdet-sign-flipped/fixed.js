'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(9670);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Density model for 2-D sensor readings (two moons shaped operating regimes of a pump: flow
// rate against pressure, standardized) so that unlikely readings can be flagged later. A
// RealNVP-style normalizing flow of affine coupling layers maps a reading x to z; each coupling
// keeps one coordinate and scales/shifts the other with a small MLP of the kept one. Trained by
// maximum likelihood under a standard normal prior in a custom loop.
const N_TRAIN = 2000;
const N_TEST = 1000;
const COUPLINGS = 4;
const HIDDEN = 32;
const BATCH = 256;
const STEPS = 500;
const LOG_2PI = Math.log(2 * Math.PI);

function readings(n) {
  return rng.array(n, () => {
    const upper = rng.random() < 0.5;
    const angle = rng.uniform(0, Math.PI);
    const x = upper ? Math.cos(angle) : 1 - Math.cos(angle);
    const y = upper ? Math.sin(angle) : 0.5 - Math.sin(angle);
    return [x + rng.normal(0, 0.08), y + rng.normal(0, 0.08)];
  });
}

function standardize(rows, stats) {
  return rows.map((r) => r.map((v, j) => (v - stats.mean[j]) / stats.std[j]));
}

function columnStats(rows) {
  const mean = [0, 1].map((j) => rows.reduce((s, r) => s + r[j], 0) / rows.length);
  const std = [0, 1].map((j) => Math.sqrt(rows.reduce((s, r) => s + (r[j] - mean[j]) ** 2, 0) / rows.length));
  return { mean, std };
}

function couplingNet() {
  const net = tf.sequential();
  net.add(tf.layers.dense({ units: HIDDEN, activation: 'tanh', inputShape: [1] }));
  net.add(tf.layers.dense({ units: HIDDEN, activation: 'tanh' }));
  // log-scale and shift for the transformed coordinate
  net.add(tf.layers.dense({ units: 2, kernelInitializer: 'zeros' }));
  return net;
}

// x -> z through the couplings, with the log|det J| of the whole map per example
function forward(nets, x) {
  let kept = x.slice([0, 0], [-1, 1]);
  let moved = x.slice([0, 1], [-1, 1]);
  let logDet = tf.zerosLike(kept);
  for (const net of nets) {
    const out = net.apply(kept);
    const logScale = out.slice([0, 0], [-1, 1]);
    const shift = out.slice([0, 1], [-1, 1]);
    moved = moved.mul(logScale.exp()).add(shift);
    logDet = logDet.add(logScale);
    [kept, moved] = [moved, kept];
  }
  return { z: tf.concat([kept, moved], 1), logDet: logDet.reshape([-1]) };
}

// standard normal log-density of z, per example
const logPrior = (z) => z.square().sum(1).mul(-0.5).sub(LOG_2PI);

async function main() {
  await tf.setBackend('wasm');

  const trainRaw = readings(N_TRAIN);
  const stats = columnStats(trainRaw);
  const train = standardize(trainRaw, stats);
  const test = standardize(readings(N_TEST), stats);
  const xTest = tf.tensor2d(test, [N_TEST, 2]);

  const nets = Array.from({ length: COUPLINGS }, couplingNet);
  const optimizer = tf.train.adam(5e-3);

  const losses = [];
  for (let step = 0; step < STEPS; step++) {
    const batch = rng.array(BATCH, () => train[rng.int(0, N_TRAIN)]);
    const x = tf.tensor2d(batch, [BATCH, 2]);
    const loss = optimizer.minimize(() => {
      const { z, logDet } = forward(nets, x);
      return logPrior(z).neg().sub(logDet).mean();
    }, true);
    losses.push(loss.dataSync()[0]);
    tf.dispose([x, loss]);
  }

  // held-out negative log-likelihood in nats per reading
  const [testNll, zStd] = tf.tidy(() => {
    const { z, logDet } = forward(nets, xTest);
    return [logPrior(z).add(logDet).mean().neg().dataSync()[0], tf.moments(z).variance.sqrt().dataSync()[0]];
  });
  // a single Gaussian fitted to the standardized training data scores this on held-out readings
  const gaussianNll = tf.tidy(() => logPrior(xTest).mean().neg().dataSync()[0]);

  console.log(`nll ${losses[0].toFixed(3)} -> ${losses[STEPS - 1].toFixed(3)} | held-out nll ${testNll.toFixed(3)} (gaussian ${gaussianNll.toFixed(3)}) z std ${zStd.toFixed(3)}`);
}

main();
