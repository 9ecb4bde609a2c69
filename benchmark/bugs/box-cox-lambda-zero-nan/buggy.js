'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(9708);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Motor insurance claim severity: predict the settled amount of a new claim (in dollars) from
// what is known when it is filed, so the claims desk can set the initial reserve. Amounts are
// heavily right-skewed ($300 to $60k+), so the target is Box-Cox transformed and standardized
// before a small MLP is fitted with MSE; predictions are mapped back to dollars. The held-out
// set is the following month's settled claims.
const N_TRAIN = 2000;
const N_TEST = 500;
const NUM_FEATURES = 8;
// lambda picked by the Box-Cox likelihood grid search (-1 to 1, step 0.25) in the reserving notebook
const BOX_COX_LAMBDA = 0;

function boxCox(y, lambda) {
  return (Math.pow(y, lambda) - 1) / lambda;
}

function inverseBoxCox(z, lambda) {
  return Math.pow(lambda * z + 1, 1 / lambda);
}

function simulateClaim() {
  const vehicleAge = rng.int(0, 21);
  const driverAge = rng.int(18, 81);
  const kind = rng.random();
  const collision = kind < 0.55 ? 1 : 0;
  const theft = kind >= 0.55 && kind < 0.7 ? 1 : 0;
  const glass = kind >= 0.7 ? 1 : 0;
  const injured = collision && rng.random() < 0.25 ? rng.int(1, 4) : 0;
  const regionCost = rng.uniform(0.8, 1.4);
  const deductible = [250, 500, 1000][rng.int(0, 3)];
  const logAmount = 7.6
    + 1.1 * collision + 1.3 * theft - 0.4 * glass
    + 0.9 * injured
    - 0.045 * vehicleAge * (1 - glass)
    + 0.012 * Math.abs(driverAge - 45) * collision
    + 1.2 * Math.log(regionCost)
    - 0.0004 * deductible
    + rng.normal(0, 0.3);
  const features = [vehicleAge, driverAge, collision, theft, glass, injured, regionCost, deductible];
  return { features, amount: Math.exp(logAmount) };
}

function loadClaims(n) {
  const claims = rng.array(n, simulateClaim);
  return { rows: claims.map((c) => c.features), amounts: claims.map((c) => c.amount) };
}

function columnStats(rows) {
  const mean = rows[0].map((_, j) => rows.reduce((s, r) => s + r[j], 0) / rows.length);
  const std = rows[0].map((_, j) => Math.sqrt(rows.reduce((s, r) => s + (r[j] - mean[j]) ** 2, 0) / rows.length) || 1);
  return { mean, std };
}

async function main() {
  await tf.setBackend('wasm');

  const train = loadClaims(N_TRAIN);
  const test = loadClaims(N_TEST);
  const { mean, std } = columnStats(train.rows);
  const scale = (rows) => rows.map((r) => r.map((v, j) => (v - mean[j]) / std[j]));

  const zTrain = train.amounts.map((y) => boxCox(y, BOX_COX_LAMBDA));
  const zStats = columnStats(zTrain.map((z) => [z]));
  const zMean = zStats.mean[0];
  const zStd = zStats.std[0];

  const xTrain = tf.tensor2d(scale(train.rows), [N_TRAIN, NUM_FEATURES]);
  const yTrain = tf.tensor2d(zTrain.map((z) => [(z - zMean) / zStd]), [N_TRAIN, 1]);
  const xTest = tf.tensor2d(scale(test.rows), [N_TEST, NUM_FEATURES]);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [NUM_FEATURES] }));
  model.add(tf.layers.dense({ units: 16, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 1 }));
  model.compile({ optimizer: tf.train.adam(0.005), loss: 'meanSquaredError' });

  const history = await model.fit(xTrain, yTrain, { epochs: 40, batchSize: 64, shuffle: true, verbose: 0 });

  const losses = history.history.loss;
  const predicted = Array.from(model.predict(xTest).dataSync()).map((p) => inverseBoxCox(p * zStd + zMean, BOX_COX_LAMBDA));
  const absErrors = predicted.map((p, i) => Math.abs(p - test.amounts[i]));
  const mae = absErrors.reduce((a, b) => a + b, 0) / N_TEST;
  const medianPct = predicted.map((p, i) => Math.abs(p - test.amounts[i]) / test.amounts[i]).sort((a, b) => a - b)[Math.floor(N_TEST / 2)];
  const typical = [...test.amounts].sort((a, b) => a - b)[Math.floor(N_TEST / 2)];
  console.log(`loss ${losses[0].toFixed(4)} -> ${losses[losses.length - 1].toFixed(4)} | next month: mae $${mae.toFixed(0)}, median abs error ${(100 * medianPct).toFixed(1)}% (median claim $${typical.toFixed(0)})`);
}

main();
