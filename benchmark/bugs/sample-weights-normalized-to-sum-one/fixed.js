'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(9549);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Daily demand forecast for a grocery chain: units sold (in hundreds) of a product line from the
// shelf price, promotion flag, weekend flag, temperature and local footfall. The order history
// covers the last two years, and recent days matter more, so every day's squared error is weighted
// by an exponential recency weight (half-life of 180 days). Small MLP, hand-written training loop
// with plain SGD. The upcoming store-days are the held-out set.
const N_TRAIN = 1500;
const N_TEST = 400;
const N_FEATURES = 5;
const HALF_LIFE_DAYS = 180;

const EPOCHS = 20;
const BATCH_SIZE = 32;
const LEARNING_RATE = 0.05;

function salesDay(daysAgo) {
  const price = rng.uniform(2.5, 6.5);
  const promo = rng.random() < 0.25 ? 1 : 0;
  const weekend = rng.random() < 2 / 7 ? 1 : 0;
  const temperature = rng.normal(15, 8);
  const footfall = rng.uniform(0.6, 1.6);
  const units =
    footfall * (14 - 1.6 * price + 3.5 * promo + 2 * weekend) + 0.4 * Math.max(temperature - 18, 0) + rng.normal(0, 0.7);
  return { x: [price, promo, weekend, temperature, footfall], y: Math.max(units, 0), daysAgo };
}

async function main() {
  await tf.setBackend('wasm');

  const history = rng.array(N_TRAIN, () => salesDay(rng.uniform(0, 730)));
  const upcoming = rng.array(N_TEST, () => salesDay(0));

  // recency weights, normalized over the training set
  const rawW = history.map((d) => Math.pow(0.5, d.daysAgo / HALF_LIFE_DAYS));
  const sumW = rawW.reduce((a, b) => a + b, 0);
  const weights = rawW.map((w) => (w * N_TRAIN) / sumW);

  const xTrainRaw = tf.tensor2d(history.map((d) => d.x), [N_TRAIN, N_FEATURES]);
  const yTrain = tf.tensor2d(history.map((d) => [d.y]), [N_TRAIN, 1]);
  const wTrain = tf.tensor2d(weights, [N_TRAIN, 1]);
  const xTestRaw = tf.tensor2d(upcoming.map((d) => d.x), [N_TEST, N_FEATURES]);
  const yTest = tf.tensor2d(upcoming.map((d) => [d.y]), [N_TEST, 1]);

  const { mean, variance } = tf.moments(xTrainRaw, 0);
  const std = variance.sqrt().add(1e-6);
  const xTrain = xTrainRaw.sub(mean).div(std);
  const xTest = xTestRaw.sub(mean).div(std);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 24, activation: 'relu', inputShape: [N_FEATURES] }));
  model.add(tf.layers.dense({ units: 12, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 1 }));

  const optimizer = tf.train.sgd(LEARNING_RATE);
  const stepsPerEpoch = Math.ceil(N_TRAIN / BATCH_SIZE);
  const order = Array.from({ length: N_TRAIN }, (_, i) => i);
  const losses = [];

  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = rng.int(0, i + 1);
      [order[i], order[j]] = [order[j], order[i]];
    }
    let epochLoss = 0;
    for (let s = 0; s < stepsPerEpoch; s++) {
      const batchIdx = order.slice(s * BATCH_SIZE, (s + 1) * BATCH_SIZE);
      const cost = tf.tidy(() => {
        const idx = tf.tensor1d(batchIdx, 'int32');
        const xb = xTrain.gather(idx);
        const yb = yTrain.gather(idx);
        const wb = wTrain.gather(idx);
        return optimizer.minimize(() => {
          const perSample = model.apply(xb, { training: true }).sub(yb).square();
          return tf.mean(wb.mul(perSample));
        }, true);
      });
      epochLoss += cost.dataSync()[0] / stepsPerEpoch;
      cost.dispose();
    }
    losses.push(epochLoss);
  }

  const rmse = (x, y) => tf.tidy(() => Math.sqrt(model.predict(x).sub(y).square().mean().dataSync()[0]));
  const trainRmse = rmse(xTrain, yTrain);
  const testRmse = rmse(xTest, yTest);
  const baseline = tf.tidy(() => Math.sqrt(yTest.sub(yTrain.mean()).square().mean().dataSync()[0]));
  console.log(`weighted loss ${losses[0].toFixed(5)} -> ${losses[losses.length - 1].toFixed(5)} train rmse ${trainRmse.toFixed(3)} | test rmse ${testRmse.toFixed(3)} (predict-the-mean rmse ${baseline.toFixed(3)})`);
}

main();
