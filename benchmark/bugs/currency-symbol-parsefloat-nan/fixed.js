'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(9559);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Weekly unit sales of a web shop's products, predicted from the catalogue export:
// sku,category,price,discount,promoted,rating,units_sold
// The model works on log sales (demand falls off as a power of the price). Numeric columns are
// standardized with the training statistics, the category is one-hot encoded, and a small MLP
// does the regression. The following quarter's export is the held-out set.
const N_TRAIN = 1200;
const N_TEST = 400;
const CATEGORIES = ['kitchen', 'garden', 'toys', 'books', 'electronics'];
const BASE_PRICE = [18, 30, 15, 12, 60];
const NUM_FEATURES = 4 + CATEGORIES.length;

function exportCatalogue(n) {
  const lines = ['sku,category,price,discount,promoted,rating,units_sold'];
  for (let i = 0; i < n; i++) {
    const c = rng.int(0, CATEGORIES.length);
    const price = BASE_PRICE[c] * Math.exp(rng.normal(0, 0.5));
    const discount = rng.random() < 0.3 ? rng.int(5, 41) : 0;
    const promoted = rng.random() < 0.2;
    const rating = Math.min(5, Math.max(1, rng.normal(4, 0.6)));
    const paid = price * (1 - discount / 100);
    const demand = 60 * Math.pow(paid / BASE_PRICE[c], -1.5) * (promoted ? 1.6 : 1) * Math.pow(rating / 4, 2.5) * Math.exp(rng.normal(0, 0.15));
    const sku = `${CATEGORIES[c].slice(0, 3).toUpperCase()}-${String(rng.int(0, 100000)).padStart(5, '0')}`;
    lines.push(`${sku},${CATEGORIES[c]},$${price.toFixed(2)},${discount},${promoted ? 1 : 0},${rating.toFixed(1)},${Math.round(demand)}`);
  }
  return lines.join('\n') + '\n';
}

function parseCatalogue(text) {
  const xs = [];
  const ys = [];
  for (const line of text.trim().split('\n').slice(1)) {
    const cells = line.split(',');
    const category = CATEGORIES.indexOf(cells[1]);
    const price = parseFloat(cells[2].replace('$', ''));
    const discount = parseFloat(cells[3]);
    const promoted = parseFloat(cells[4]);
    const rating = parseFloat(cells[5]);
    xs.push([Math.log(price), discount, promoted, rating, ...CATEGORIES.map((_, c) => (c === category ? 1 : 0))]);
    ys.push([Math.log1p(parseFloat(cells[6]))]);
  }
  return { xs, ys };
}

async function main() {
  await tf.setBackend('wasm');

  const train = parseCatalogue(exportCatalogue(N_TRAIN));
  const test = parseCatalogue(exportCatalogue(N_TEST));
  const xTrainRaw = tf.tensor2d(train.xs, [N_TRAIN, NUM_FEATURES]);
  const yTrain = tf.tensor2d(train.ys, [N_TRAIN, 1]);
  const xTestRaw = tf.tensor2d(test.xs, [N_TEST, NUM_FEATURES]);
  const yTest = tf.tensor2d(test.ys, [N_TEST, 1]);

  const { mean, variance } = tf.moments(xTrainRaw, 0);
  const std = variance.sqrt().add(1e-6);
  const xTrain = xTrainRaw.sub(mean).div(std);
  const xTest = xTestRaw.sub(mean).div(std);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [NUM_FEATURES] }));
  model.add(tf.layers.dense({ units: 16, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 1 }));
  model.compile({ optimizer: tf.train.adam(0.01), loss: 'meanSquaredError', metrics: ['mae'] });

  const history = await model.fit(xTrain, yTrain, { epochs: 30, batchSize: 32, shuffle: true, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testMae] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} mae ${h.mae[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test mae ${testMae.toFixed(3)}`);
}

main();
