'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(5821);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Daily water demand of a small town over two years: a yearly swing, a weekday/weekend pattern
// and noise. A small MLP forecasts tomorrow's demand from the last 7 days (lag features).
// The first 80% of the samples are used for training, the last 20% for testing.
const DAYS = 730;
const LAGS = 7;

function makeDemand() {
  const level = rng.uniform(80, 120);
  const phase = rng.uniform(0, 2 * Math.PI);
  const weekend = rng.uniform(8, 14);
  return rng.array(DAYS, (t) => level
    + 25 * Math.sin((2 * Math.PI * t) / 365 + phase)
    + (t % 7 >= 5 ? weekend : 0)
    + rng.normal(0, 3));
}

function makeSamples(series) {
  const xs = [];
  const ys = [];
  for (let i = 0; i < series.length - 1; i++) {
    if (i < LAGS - 1 || i >= series.length - 1) continue;
    const lags = [];
    for (let k = LAGS - 1; k >= 0; k--) lags.push(series[i - k]);
    xs.push(lags);
    ys.push([series[i + 1]]);
  }
  return { xs, ys };
}

async function main() {
  await tf.setBackend('wasm');

  const demand = makeDemand();
  const mean = demand.reduce((a, b) => a + b, 0) / demand.length;
  const std = Math.sqrt(demand.reduce((a, b) => a + (b - mean) ** 2, 0) / demand.length);
  const scaled = demand.map((v) => (v - mean) / std);

  const { xs, ys } = makeSamples(scaled);
  const nTrain = Math.floor(xs.length * 0.8);
  const nTest = xs.length - nTrain;
  const xTrain = tf.tensor2d(xs.slice(0, nTrain), [nTrain, LAGS]);
  const yTrain = tf.tensor2d(ys.slice(0, nTrain), [nTrain, 1]);
  const xTest = tf.tensor2d(xs.slice(nTrain), [nTest, LAGS]);
  const yTest = tf.tensor2d(ys.slice(nTrain), [nTest, 1]);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [LAGS] }));
  model.add(tf.layers.dense({ units: 16, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 1 }));
  model.compile({ optimizer: tf.train.adam(0.005), loss: 'meanSquaredError', metrics: ['mae'] });

  const history = await model.fit(xTrain, yTrain, { epochs: 40, batchSize: 32, shuffle: true, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testMae] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  const r2 = 1 - testLoss / tf.moments(yTest).variance.dataSync()[0];
  console.log(`loss ${h.loss[0].toFixed(4)} -> ${h.loss[last].toFixed(4)} mae ${h.mae[last].toFixed(4)} | test mse ${testLoss.toFixed(4)} test mae ${testMae.toFixed(4)} test r2 ${r2.toFixed(3)}`);
}

main();
