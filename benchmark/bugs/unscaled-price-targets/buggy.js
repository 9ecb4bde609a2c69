'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(4821);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// House-price regression: predict the sale price from size, bedrooms, age, lot size and
// distance to the city centre. Features are standardized; a small MLP is trained with MSE.
function makeHouses(n) {
  const features = [];
  const prices = [];
  for (let i = 0; i < n; i++) {
    const sqft = rng.uniform(600, 4000);
    const bedrooms = rng.int(1, 6);
    const age = rng.uniform(0, 80);
    const lot = rng.uniform(1000, 20000);
    const distance = rng.uniform(1, 40);
    const price = 60000 + 180 * sqft + 15000 * bedrooms - 1200 * age + 6 * lot - 4000 * distance + rng.normal(0, 25000);
    features.push([sqft, bedrooms, age, lot, distance]);
    prices.push(Math.min(1000000, Math.max(100000, price)));
  }
  return { features, prices };
}

function standardize(rows, stats) {
  const d = rows[0].length;
  if (!stats) {
    const mean = new Array(d).fill(0);
    const std = new Array(d).fill(0);
    for (const r of rows) for (let j = 0; j < d; j++) mean[j] += r[j] / rows.length;
    for (const r of rows) for (let j = 0; j < d; j++) std[j] += (r[j] - mean[j]) ** 2 / rows.length;
    stats = { mean, std: std.map(Math.sqrt) };
  }
  return { rows: rows.map((r) => r.map((v, j) => (v - stats.mean[j]) / stats.std[j])), stats };
}

async function main() {
  await tf.setBackend('wasm');

  const train = makeHouses(800);
  const test = makeHouses(200);
  const trainX = standardize(train.features);
  const testX = standardize(test.features, trainX.stats);

  const xTrain = tf.tensor2d(trainX.rows, [800, 5]);
  const yTrain = tf.tensor2d(train.prices, [800, 1]);
  const xTest = tf.tensor2d(testX.rows, [200, 5]);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [5] }));
  model.add(tf.layers.dense({ units: 16, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 1 }));

  model.compile({ optimizer: tf.train.sgd(0.01), loss: 'meanSquaredError' });

  const history = await model.fit(xTrain, yTrain, { epochs: 40, batchSize: 32, verbose: 0 });

  const predicted = model.predict(xTest).dataSync();
  let se = 0;
  for (let i = 0; i < test.prices.length; i++) se += (predicted[i] - test.prices[i]) ** 2;
  const rmse = Math.sqrt(se / test.prices.length);
  const losses = history.history.loss;
  console.log(`loss first ${losses[0].toExponential(3)} last ${losses[losses.length - 1].toExponential(3)} | test RMSE $${rmse.toFixed(0)}`);
}

main();
