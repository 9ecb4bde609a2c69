'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(9669);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// A tiny denoising diffusion model (DDPM) for 2-D points: drop-off locations of a bike-share
// scheme, which cluster around 8 docking stations on a ring road (km from the city centre).
// A small MLP takes the noised point x_t and the timestep t/T and predicts the noise that was
// added; it is trained on the usual epsilon-prediction MSE with a linear beta schedule, then
// new drop-offs are sampled with the reverse process and checked against the stations.
const N_TRAIN = 4000;
const N_TEST = 2000;
const N_SAMPLES = 1000;
const STATIONS = 8;
const RING_RADIUS = 2;
const STATION_SPREAD = 0.15;
const T = 100;
const BETA_START = 1e-3;
const BETA_END = 0.1;
const BATCH = 256;
const STEPS = 600;

function dropOffs(n) {
  return rng.array(n, () => {
    const k = rng.int(0, STATIONS);
    const angle = (2 * Math.PI * k) / STATIONS;
    return [RING_RADIUS * Math.cos(angle) + rng.normal(0, STATION_SPREAD), RING_RADIUS * Math.sin(angle) + rng.normal(0, STATION_SPREAD)];
  });
}

// noise schedule
const betas = Array.from({ length: T }, (_, t) => BETA_START + ((BETA_END - BETA_START) * t) / (T - 1));
const alphas = betas.map((b) => 1 - b);
const alphaBars = new Array(T);
alphaBars[0] = alphas[0];
for (let t = 1; t < T; t++) alphaBars[t] = alphaBars[t - 1] * alphas[t];
const sqrtAlphaBars = alphaBars.map((ab) => Math.sqrt(ab));
const sqrtOneMinusAlphaBars = alphaBars.map((ab) => Math.sqrt(1 - ab));

// forward process: x_t = sqrt(alphaBar_t) * x_0 + sqrt(1 - alphaBar_t) * eps
function noisyBatch(points, n) {
  const inputs = [];
  const noise = [];
  for (let i = 0; i < n; i++) {
    const [px, py] = points[rng.int(0, points.length)];
    const t = rng.int(0, T);
    const ex = rng.normal(0, 1);
    const ey = rng.normal(0, 1);
    inputs.push([sqrtAlphaBars[t] * px + sqrtOneMinusAlphaBars[t] * ex, sqrtAlphaBars[t] * py + sqrtOneMinusAlphaBars[t] * ey, t / T]);
    noise.push([ex, ey]);
  }
  return { x: tf.tensor2d(inputs, [n, 3]), eps: tf.tensor2d(noise, [n, 2]) };
}

async function main() {
  await tf.setBackend('wasm');

  const train = dropOffs(N_TRAIN);
  const test = dropOffs(N_TEST);

  const denoiser = tf.sequential();
  denoiser.add(tf.layers.dense({ units: 64, activation: 'swish', inputShape: [3] }));
  denoiser.add(tf.layers.dense({ units: 64, activation: 'swish' }));
  denoiser.add(tf.layers.dense({ units: 64, activation: 'swish' }));
  denoiser.add(tf.layers.dense({ units: 2 }));
  const optimizer = tf.train.adam(3e-3);

  const losses = [];
  for (let step = 0; step < STEPS; step++) {
    const { x, eps } = noisyBatch(train, BATCH);
    const loss = optimizer.minimize(() => tf.losses.meanSquaredError(eps, denoiser.apply(x)), true);
    losses.push(loss.dataSync()[0]);
    tf.dispose([x, eps, loss]);
  }

  // held-out denoising loss against predicting zero noise
  const held = noisyBatch(test, N_TEST);
  const testLoss = tf.tidy(() => tf.losses.meanSquaredError(held.eps, denoiser.predict(held.x)).dataSync()[0]);
  const zeroLoss = tf.tidy(() => held.eps.square().mean().dataSync()[0]);

  // reverse process from pure noise
  let x = tf.randomNormal([N_SAMPLES, 2]);
  for (let t = T - 1; t >= 0; t--) {
    const next = tf.tidy(() => {
      const epsHat = denoiser.predict(tf.concat([x, tf.fill([N_SAMPLES, 1], t / T)], 1));
      const mean = x.sub(epsHat.mul(betas[t] / sqrtOneMinusAlphaBars[t])).div(Math.sqrt(alphas[t]));
      return t > 0 ? mean.add(tf.randomNormal([N_SAMPLES, 2]).mul(Math.sqrt(betas[t]))) : mean;
    });
    x.dispose();
    x = next;
  }
  const samples = x.arraySync();
  let nearStation = 0;
  for (const [sx, sy] of samples) {
    for (let k = 0; k < STATIONS; k++) {
      const angle = (2 * Math.PI * k) / STATIONS;
      if (Math.hypot(sx - RING_RADIUS * Math.cos(angle), sy - RING_RADIUS * Math.sin(angle)) < 3 * STATION_SPREAD) {
        nearStation++;
        break;
      }
    }
  }

  const avg = (arr) => arr.reduce((s, v) => s + v, 0) / arr.length;
  console.log(`loss ${losses[0].toFixed(4)} -> ${avg(losses.slice(-50)).toFixed(4)} | held-out eps mse ${testLoss.toFixed(4)} (zero-noise baseline ${zeroLoss.toFixed(4)}) samples near a station ${(nearStation / N_SAMPLES).toFixed(3)}`);
}

main();
