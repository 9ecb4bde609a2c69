'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(9581);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Mixture density network for a two-branch inverse problem: given a robot arm's measured
// end-effector height x, predict the elbow angle y. Each height is reached by an elbow-up and
// an elbow-down pose, so y given x is bimodal and a plain regressor would average the two.
// The network outputs K Gaussian components (mixture weights, means, log standard deviations)
// and is trained on the negative log-likelihood in a custom loop.
const K = 3;
const N_TRAIN = 1500;
const N_TEST = 500;
const EPOCHS = 40;
const BATCH = 100;
const LOG_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);

function armSamples(n) {
  const xs = [];
  const ys = [];
  for (let i = 0; i < n; i++) {
    const x = rng.uniform(-1, 1);
    const branch = rng.random() < 0.5 ? 1 : -1;
    xs.push([x]);
    ys.push([branch * (0.8 + 0.4 * x) + 0.3 * x * x + rng.normal(0, 0.08)]);
  }
  return { xs: tf.tensor2d(xs, [n, 1]), ys: tf.tensor2d(ys, [n, 1]) };
}

function buildMdn() {
  const input = tf.input({ shape: [1] });
  let h = tf.layers.dense({ units: 32, activation: 'tanh' }).apply(input);
  h = tf.layers.dense({ units: 32, activation: 'tanh' }).apply(h);
  const pi = tf.layers.dense({ units: K, name: 'pi' }).apply(h);
  const mu = tf.layers.dense({ units: K, name: 'mu' }).apply(h);
  const logSigma = tf.layers.dense({ units: K, name: 'log_sigma' }).apply(h);
  return tf.model({ inputs: input, outputs: [pi, mu, logSigma] });
}

// mean negative log-likelihood of y under the predicted mixture
function mixtureNll(model, x, y) {
  const [pi, mu, rawLogSigma] = model.apply(x);
  const logPi = tf.logSoftmax(pi);
  const logSigma = rawLogSigma.clipByValue(-5, 3);
  const z = y.sub(mu).div(logSigma.exp());
  const logDensity = z.square().mul(-0.5).sub(logSigma).sub(LOG_SQRT_2PI);
  // log sum_k pi_k N(y; mu_k, sigma_k), summed in log space so small densities do not underflow
  return tf.logSumExp(logPi.add(logDensity), 1).neg().mean();
}

async function main() {
  await tf.setBackend('wasm');

  const train = armSamples(N_TRAIN);
  const test = armSamples(N_TEST);
  const model = buildMdn();
  const optimizer = tf.train.adam(0.005);
  const variables = model.trainableWeights.map((w) => w.read());

  const losses = [];
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    const order = tf.util.createShuffledIndices(N_TRAIN);
    let total = 0;
    for (let start = 0; start < N_TRAIN; start += BATCH) {
      const idx = tf.tensor1d(Array.from(order.slice(start, start + BATCH)), 'int32');
      const xb = tf.gather(train.xs, idx);
      const yb = tf.gather(train.ys, idx);
      const cost = optimizer.minimize(() => mixtureNll(model, xb, yb), true, variables);
      total += cost.dataSync()[0];
      tf.dispose([idx, xb, yb, cost]);
    }
    losses.push(total / Math.ceil(N_TRAIN / BATCH));
  }

  const testNll = tf.tidy(() => mixtureNll(model, test.xs, test.ys).dataSync()[0]);
  console.log(`nll ${losses[0].toFixed(3)} -> ${losses[EPOCHS - 1].toFixed(3)} | test nll ${testNll.toFixed(3)}`);
}

main();
