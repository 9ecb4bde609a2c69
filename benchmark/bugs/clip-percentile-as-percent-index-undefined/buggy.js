'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(9626);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Used-car price regression (price in thousands of dollars) from a marketplace listings dump:
// age, mileage, engine size, horsepower, previous owners, and number of photos. Sellers type the
// numbers in by hand, so a few listings carry typos (an extra zero on the mileage, horsepower in
// watts, ...). Each feature is clipped to its 1st-99th percentile range measured on the training
// listings, then standardized, and a small MLP is fit. Listings from the following month are held out.
const N_TRAIN = 1500;
const N_TEST = 500;
const FEATURES = ['age', 'mileage', 'engine', 'horsepower', 'owners', 'photos'];
const NUM_FEATURES = FEATURES.length;
const P_LOW = 1;
const P_HIGH = 99;

function scrapeListings(n) {
  const xs = [];
  const ys = [];
  for (let i = 0; i < n; i++) {
    const age = rng.uniform(0, 15);
    const mileage = Math.max(500, age * rng.normal(14000, 4000) + rng.normal(0, 5000));
    const engine = [1.2, 1.4, 1.6, 2.0, 2.5, 3.0][rng.int(0, 6)];
    const horsepower = 55 * engine + rng.normal(0, 15);
    const owners = 1 + Math.floor(age / 5) + rng.int(0, 2);
    const photos = rng.int(1, 25);
    const price = Math.max(1, 32 * Math.exp(-0.11 * age) * (1 - mileage / 600000) + 0.06 * (horsepower - 110) - 0.5 * owners + rng.normal(0, 1.2));
    const row = [age, mileage, engine, horsepower, owners, photos];
    // hand-typed listings: about 2% of the rows have one mistyped field
    if (rng.random() < 0.02) {
      const j = rng.int(0, NUM_FEATURES);
      row[j] *= j === 3 ? 745.7 : 10;
    }
    xs.push(row);
    ys.push([price]);
  }
  return { xs, ys };
}

function percentileBounds(rows) {
  const n = rows.length;
  return FEATURES.map((_, j) => {
    const sorted = rows.map((r) => r[j]).sort((a, b) => a - b);
    return { lo: sorted[Math.floor(P_LOW * (n - 1))], hi: sorted[Math.floor(P_HIGH * (n - 1))] };
  });
}

function clipRows(rows, bounds) {
  return rows.map((r) => r.map((v, j) => Math.min(Math.max(v, bounds[j].lo), bounds[j].hi)));
}

async function main() {
  await tf.setBackend('wasm');

  const train = scrapeListings(N_TRAIN);
  const test = scrapeListings(N_TEST);
  const bounds = percentileBounds(train.xs);
  const xTrainRaw = tf.tensor2d(clipRows(train.xs, bounds), [N_TRAIN, NUM_FEATURES]);
  const xTestRaw = tf.tensor2d(clipRows(test.xs, bounds), [N_TEST, NUM_FEATURES]);
  const yTrain = tf.tensor2d(train.ys, [N_TRAIN, 1]);
  const yTest = tf.tensor2d(test.ys, [N_TEST, 1]);

  const { mean, variance } = tf.moments(xTrainRaw, 0);
  const std = variance.sqrt().add(1e-6);
  const xTrain = xTrainRaw.sub(mean).div(std);
  const xTest = xTestRaw.sub(mean).div(std);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'elu', inputShape: [NUM_FEATURES] }));
  model.add(tf.layers.dense({ units: 16, activation: 'elu' }));
  model.add(tf.layers.dense({ units: 1 }));
  model.compile({ optimizer: tf.train.adam(0.01), loss: 'meanSquaredError', metrics: ['mae'] });

  const history = await model.fit(xTrain, yTrain, { epochs: 40, batchSize: 32, shuffle: true, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testMae] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} mae ${h.mae[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test mae ${testMae.toFixed(3)}`);
}

main();
