'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(9691);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Load-test traffic replay: a Wasserstein GAN learns the distribution of an API's response
// times (log10 of milliseconds, as they are plotted on the dashboards) so the load tester can
// draw realistic latencies. Dense generator (noise -> latency) and dense critic (latency ->
// score), trained as in Arjovsky et al.: five critic steps per generator step, RMSprop, and
// the critic's weights clipped to [-0.01, 0.01] after every critic step. A second day of
// access logs is kept aside to compare the generated latencies with.
const NOISE_DIM = 4;
const N_LOG = 4000;
const N_HELDOUT = 2000;
const BATCH = 64;
const GEN_STEPS = 400;
const CRITIC_STEPS = 5;
const CLIP = 0.01;
const LEARNING_RATE = 0.0015;

function readLatencies(n) {
  // cache hits come back in ~20 ms, misses go to the database and take ~160 ms
  return rng.array(n, () => (rng.random() < 0.6 ? rng.normal(1.3, 0.15) : rng.normal(2.2, 0.25)));
}

function sampleNoise(n) {
  return tf.randomNormal([n, NOISE_DIM], 0, 1, 'float32', rng.int(0, 1e9));
}

function meanStd(values) {
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  const variance = values.reduce((a, b) => a + (b - mean) * (b - mean), 0) / values.length;
  return { mean, std: Math.sqrt(variance) };
}

// 1-D Wasserstein-1 distance between two equally sized samples
function wassersteinDistance(a, b) {
  const sa = Float64Array.from(a).sort();
  const sb = Float64Array.from(b).sort();
  let total = 0;
  for (let i = 0; i < sa.length; i++) total += Math.abs(sa[i] - sb[i]);
  return total / sa.length;
}

async function main() {
  await tf.setBackend('wasm');

  const log = readLatencies(N_LOG);
  const heldout = readLatencies(N_HELDOUT);
  const realAll = tf.tensor2d(log, [N_LOG, 1]);

  const generator = tf.sequential();
  generator.add(tf.layers.dense({ units: 16, activation: 'relu', inputShape: [NOISE_DIM] }));
  generator.add(tf.layers.dense({ units: 16, activation: 'relu' }));
  generator.add(tf.layers.dense({ units: 1 }));

  const critic = tf.sequential();
  critic.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [1] }));
  critic.add(tf.layers.dense({ units: 32, activation: 'relu' }));
  critic.add(tf.layers.dense({ units: 1, activation: 'sigmoid' }));

  const genVars = generator.trainableWeights.map((w) => w.val);
  const criticVars = critic.trainableWeights.map((w) => w.val);
  const genOptimizer = tf.train.rmsprop(LEARNING_RATE);
  const criticOptimizer = tf.train.rmsprop(LEARNING_RATE);

  const clipCritic = () =>
    tf.tidy(() => {
      for (const v of criticVars) v.assign(tf.clipByValue(v, -CLIP, CLIP));
    });
  clipCritic();

  const criticLosses = [];
  const genLosses = [];
  for (let step = 0; step < GEN_STEPS; step++) {
    let criticLoss = 0;
    for (let k = 0; k < CRITIC_STEPS; k++) {
      tf.tidy(() => {
        const idx = tf.tensor1d(Int32Array.from({ length: BATCH }, () => rng.int(0, N_LOG)), 'int32');
        const real = realAll.gather(idx);
        const fake = generator.predict(sampleNoise(BATCH));
        // the critic maximizes E[C(real)] - E[C(fake)]
        const cost = criticOptimizer.minimize(() => critic.predict(fake).mean().sub(critic.predict(real).mean()), true, criticVars);
        if (k === CRITIC_STEPS - 1) criticLoss = cost.dataSync()[0];
      });
      clipCritic();
    }
    const g = tf.tidy(() => {
      // the generator maximizes the critic's score of its samples
      const cost = genOptimizer.minimize(() => critic.predict(generator.predict(sampleNoise(BATCH))).mean().neg(), true, genVars);
      return cost.dataSync()[0];
    });
    criticLosses.push(criticLoss);
    genLosses.push(g);
  }

  const generated = tf.tidy(() => Array.from(generator.predict(sampleNoise(N_HELDOUT)).dataSync()));
  const gen = meanStd(generated);
  const ref = meanStd(heldout);
  const w1 = wassersteinDistance(generated, heldout);
  const avg = (xs) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const first = (xs) => avg(xs.slice(0, 20));
  const lastAvg = (xs) => avg(xs.slice(-20));
  console.log(`critic loss ${first(criticLosses).toFixed(5)} -> ${lastAvg(criticLosses).toFixed(5)} gen loss ${first(genLosses).toFixed(5)} -> ${lastAvg(genLosses).toFixed(5)} | held-out real mean ${ref.mean.toFixed(3)} std ${ref.std.toFixed(3)} | generated mean ${gen.mean.toFixed(3)} std ${gen.std.toFixed(3)} | W1 ${w1.toFixed(3)}`);
}

main();
