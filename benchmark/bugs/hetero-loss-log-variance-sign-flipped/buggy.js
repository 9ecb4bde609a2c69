'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(9652);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Delivery time (in tens of minutes) from the order's distance, the hour of the day, the number
// of items and the rain intensity, with an uncertainty for every prediction: the network outputs
// a mean mu and a log-variance s and is trained with the Gaussian negative log-likelihood, so the
// spread can grow with distance and rain instead of being one global noise level.
const N_TRAIN = 2000;
const N_TEST = 500;
const NUM_FEATURES = 4;
const EPOCHS = 40;
const BATCH_SIZE = 64;

function loadOrders(n) {
  const xs = [];
  const ys = [];
  for (let i = 0; i < n; i++) {
    const distanceKm = rng.uniform(0.5, 12);
    const hour = rng.uniform(10, 23);
    const items = rng.int(1, 9);
    const rain = rng.random() < 0.7 ? 0 : rng.uniform(0, 1);
    const rush = Math.exp(-((hour - 12.5) ** 2) / 2) + Math.exp(-((hour - 19) ** 2) / 3);
    const meanMinutes = 12 + 3.2 * distanceKm + 1.5 * items + 10 * rush + 8 * rain;
    const stdMinutes = 2 + 0.6 * distanceKm + 9 * rain;
    xs.push([(distanceKm - 6) / 3.3, (hour - 16.5) / 3.8, (items - 4.5) / 2.3, rain]);
    ys.push([(meanMinutes + rng.normal(0, stdMinutes)) / 10]);
  }
  return { xs: tf.tensor2d(xs, [n, NUM_FEATURES]), ys: tf.tensor2d(ys, [n, 1]) };
}

// Gaussian negative log-likelihood per order, up to constants: 0.5 * exp(-s) * (y - mu)^2 + 0.5 * s
function gaussianNll(yTrue, out) {
  return tf.tidy(() => {
    const mu = out.slice([0, 0], [-1, 1]);
    const s = out.slice([0, 1], [-1, 1]);
    const sq = yTrue.sub(mu).square();
    return tf.exp(s.neg()).mul(sq).sub(s).mul(0.5).mean();
  });
}

async function main() {
  await tf.setBackend('wasm');

  const train = loadOrders(N_TRAIN);
  const test = loadOrders(N_TEST);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [NUM_FEATURES] }));
  model.add(tf.layers.dense({ units: 32, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 2 }));
  const optimizer = tf.train.adam(0.005);

  const losses = [];
  const order = Array.from({ length: N_TRAIN }, (_, i) => i);
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    tf.util.shuffle(order);
    let epochLoss = 0;
    let batches = 0;
    for (let start = 0; start < N_TRAIN; start += BATCH_SIZE) {
      const idx = tf.tensor1d(order.slice(start, start + BATCH_SIZE), 'int32');
      const xb = train.xs.gather(idx);
      const yb = train.ys.gather(idx);
      const loss = optimizer.minimize(() => gaussianNll(yb, model.predict(xb)), true);
      epochLoss += loss.dataSync()[0];
      batches++;
      tf.dispose([idx, xb, yb, loss]);
    }
    losses.push(epochLoss / batches);
  }

  const [testNll, testRmse, testSigma] = tf.tidy(() => {
    const out = model.predict(test.xs);
    const mu = out.slice([0, 0], [-1, 1]);
    const s = out.slice([0, 1], [-1, 1]);
    const rmse = test.ys.sub(mu).square().mean().sqrt();
    return [gaussianNll(test.ys, out), rmse, s.mul(0.5).exp().mean()].map((t) => t.dataSync()[0]);
  });
  const baselineRmse = tf.tidy(() => test.ys.sub(train.ys.mean()).square().mean().sqrt().dataSync()[0]);
  console.log(`loss ${losses[0].toFixed(3)} -> ${losses[EPOCHS - 1].toFixed(3)} | test nll ${testNll.toFixed(3)} test rmse(mu) ${testRmse.toFixed(3)} mean sigma ${testSigma.toFixed(3)} (predict-the-mean rmse ${baselineRmse.toFixed(3)})`);
}

main();
