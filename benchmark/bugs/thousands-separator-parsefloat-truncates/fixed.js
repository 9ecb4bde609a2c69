'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(4471);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// House-price regression from a listings export. The spreadsheet writes its area columns with
// digit grouping, so those fields are quoted in the CSV ("2,150"):
// living_sqft,lot_sqft,bedrooms,bathrooms,year_built,dist_center_km,price_k
// The price is in thousands of dollars. Features are standardized with the training statistics.
const HEADER = 'living_sqft,lot_sqft,bedrooms,bathrooms,year_built,dist_center_km,price_k';
const NUM_FEATURES = 6;
const N_TRAIN = 1000;
const N_TEST = 400;

const grouped = (v) => `"${Math.round(v).toLocaleString('en-US')}"`;

function exportListings(n) {
  const lines = [HEADER];
  for (let i = 0; i < n; i++) {
    const sqft = rng.uniform(600, 4200);
    const lot = sqft * rng.uniform(1.5, 4) + rng.uniform(0, 3000);
    const bedrooms = Math.max(1, Math.min(6, Math.round(sqft / 700 + rng.normal(0, 0.7))));
    const bathrooms = Math.max(1, Math.round(bedrooms / 2 + rng.normal(0, 0.5)));
    const year = rng.int(1950, 2022);
    const dist = rng.uniform(1, 30);
    const price = 0.22 * sqft + 0.004 * lot + 12 * bathrooms + 1.2 * (year - 1950) - 6 * dist + rng.normal(0, 25);
    lines.push(`${grouped(sqft)},${grouped(lot)},${bedrooms},${bathrooms},${year},${dist.toFixed(1)},${price.toFixed(1)}`);
  }
  return lines.join('\n');
}

function splitCsvLine(line) {
  const fields = [];
  let field = '';
  let quoted = false;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    else if (ch === ',' && !quoted) {
      fields.push(field);
      field = '';
    } else field += ch;
  }
  fields.push(field);
  return fields;
}

function parseListings(text) {
  const rows = text.trim().split('\n').slice(1);
  const xs = [];
  const ys = [];
  for (const row of rows) {
    const values = splitCsvLine(row).map((field) => parseFloat(field.replace(/,/g, '')));
    xs.push(values.slice(0, NUM_FEATURES));
    ys.push([values[NUM_FEATURES]]);
  }
  return { xs, ys };
}

async function main() {
  await tf.setBackend('wasm');

  const train = parseListings(exportListings(N_TRAIN));
  const test = parseListings(exportListings(N_TEST));
  const xTrainRaw = tf.tensor2d(train.xs, [N_TRAIN, NUM_FEATURES]);
  const yTrain = tf.tensor2d(train.ys, [N_TRAIN, 1]).div(100);
  const xTestRaw = tf.tensor2d(test.xs, [N_TEST, NUM_FEATURES]);
  const yTest = tf.tensor2d(test.ys, [N_TEST, 1]).div(100);

  const { mean, variance } = tf.moments(xTrainRaw, 0);
  const std = variance.sqrt();
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
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} mae ${(h.mae[last] * 100).toFixed(1)}k | test loss ${testLoss.toFixed(3)} test mae ${(testMae * 100).toFixed(1)}k`);
}

main();
