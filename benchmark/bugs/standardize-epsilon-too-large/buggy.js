'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(5093);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Electroplating bath: predict the deposition rate (um/min) from the concentrations (mol/L) of
// five bath additives measured by titration. The additives are dosed around fixed set points,
// so each concentration varies only a little around its set point. Features are standardized
// with training-set statistics; small MLP regression trained with Adam on mean squared error.
const SET_POINTS = [0.85, 0.12, 0.035, 0.006, 0.25];
const SPREADS = [0.02, 0.008, 0.003, 0.001, 0.012];
const N_FEATURES = SET_POINTS.length;
const N_TRAIN = 1000;
const N_TEST = 300;
const EPSILON = 1;

function makeBaths(n) {
  const rows = [];
  const rates = [];
  for (let i = 0; i < n; i++) {
    const z = rng.array(N_FEATURES, () => rng.normal(0, 1));
    const conc = z.map((v, j) => SET_POINTS[j] + SPREADS[j] * v);
    const rate = 2 + 0.6 * Math.sin(z[0]) + 0.4 * z[1] * z[2] - 0.3 * z[3] * z[3] + 0.5 * z[4] + rng.normal(0, 0.05);
    rows.push(conc);
    rates.push(rate);
  }
  return { rows, rates };
}

function standardize(x, mean, std) {
  return x.sub(mean).div(std.add(EPSILON));
}

async function main() {
  await tf.setBackend('wasm');

  const train = makeBaths(N_TRAIN);
  const test = makeBaths(N_TEST);
  const xTrainRaw = tf.tensor2d(train.rows);
  const xTestRaw = tf.tensor2d(test.rows);
  const yTrain = tf.tensor2d(train.rates, [N_TRAIN, 1]);
  const yTest = tf.tensor2d(test.rates, [N_TEST, 1]);

  const { mean, variance } = tf.moments(xTrainRaw, 0);
  const std = variance.sqrt();
  const xTrain = standardize(xTrainRaw, mean, std);
  const xTest = standardize(xTestRaw, mean, std);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [N_FEATURES] }));
  model.add(tf.layers.dense({ units: 32, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 1 }));
  model.compile({ optimizer: tf.train.adam(0.003), loss: 'meanSquaredError', metrics: ['mae'] });

  const history = await model.fit(xTrain, yTrain, { epochs: 40, batchSize: 32, shuffle: true, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testMae] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  const baseline = tf.moments(yTest).variance.dataSync()[0];
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} mae ${h.mae[last].toFixed(3)} | test mse ${testLoss.toFixed(3)} test mae ${testMae.toFixed(3)} (predict-the-mean mse ${baseline.toFixed(3)})`);
}

main();
