'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(6217);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// House-price regression on census-block features (median income, house age, rooms per house,
// bedrooms per room, population density, occupancy, latitude, longitude), all roughly standardized.
// The target is the block's median house value in units of $100k: a right-skewed, log-normal-like
// price, so the model is trained with the mean squared logarithmic error (relative errors count,
// not dollars). MLP with two hidden layers; prices are reported in $k on a held-out set.
const N_FEATURES = 8;
const N_TRAIN = 1200;
const N_TEST = 400;

function makeBlocks(n) {
  const xs = [];
  const prices = [];
  for (let i = 0; i < n; i++) {
    const x = rng.array(N_FEATURES, () => rng.normal(0, 1));
    const logPrice = 0.2 + 0.7 * x[0] - 0.15 * x[1] + 0.15 * x[2] - 0.1 * x[3] + 0.2 * Math.tanh(x[4]) + 0.2 * Math.sin(x[6] + x[7]) + rng.normal(0, 0.05);
    xs.push(x);
    prices.push(Math.exp(logPrice));
  }
  return { xs, prices };
}

async function main() {
  await tf.setBackend('wasm');

  const train = makeBlocks(N_TRAIN);
  const test = makeBlocks(N_TEST);
  const yMean = train.prices.reduce((s, p) => s + p, 0) / N_TRAIN;
  const yStd = Math.sqrt(train.prices.reduce((s, p) => s + (p - yMean) ** 2, 0) / N_TRAIN);

  const xTrain = tf.tensor2d(train.xs, [N_TRAIN, N_FEATURES]);
  const yTrain = tf.tensor2d(train.prices.map((p) => [(p - yMean) / yStd]), [N_TRAIN, 1]);
  const xTest = tf.tensor2d(test.xs, [N_TEST, N_FEATURES]);
  const yTest = tf.tensor2d(test.prices.map((p) => [(p - yMean) / yStd]), [N_TEST, 1]);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 64, activation: 'relu', inputShape: [N_FEATURES] }));
  model.add(tf.layers.dense({ units: 32, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 1 }));
  model.compile({ optimizer: tf.train.adam(0.003), loss: 'meanSquaredLogarithmicError', metrics: ['mae'] });

  const history = await model.fit(xTrain, yTrain, { epochs: 40, batchSize: 32, shuffle: true, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  const predPrices = Array.from(model.predict(xTest).dataSync(), (z) => z * yStd + yMean);
  const maeK = (100 * predPrices.reduce((s, p, i) => s + Math.abs(p - test.prices[i]), 0)) / N_TEST;
  const mape = (100 * predPrices.reduce((s, p, i) => s + Math.abs(p - test.prices[i]) / test.prices[i], 0)) / N_TEST;
  const baselineK = (100 * test.prices.reduce((s, p) => s + Math.abs(yMean - p), 0)) / N_TEST;
  console.log(`loss ${h.loss[0].toFixed(4)} -> ${h.loss[last].toFixed(4)} mae ${h.mae[last].toFixed(3)} | test loss ${testLoss.toFixed(4)} test price MAE $${maeK.toFixed(1)}k (predict-the-mean $${baselineK.toFixed(1)}k) MAPE ${mape.toFixed(1)}%`);
}

main();
