'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(5417);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Used-car price regression: 7 standardized listing features (age, mileage, engine size,
// condition score, trim level, region index, days listed) -> asking price in $10k. Prices are
// right-skewed, as listing prices are. The listings are ranked by price for the price-band
// summary (10th / 50th / 90th percentile), then 80% are used for training and 20% held out.
const NUM_FEATURES = 7;
const N_LISTINGS = 1000;
const TRAIN_FRACTION = 0.8;
const EPOCHS = 60;

function makeListings(n) {
  const rows = [];
  for (let i = 0; i < n; i++) {
    const x = rng.array(NUM_FEATURES, () => rng.normal(0, 1));
    const logPrice = 0.9 - 0.35 * x[0] - 0.25 * x[1] + 0.2 * x[2] + 0.15 * x[3] + 0.1 * x[2] * x[4] + rng.normal(0, 0.08);
    rows.push({ x, price: Math.exp(logPrice) });
  }
  return rows;
}

async function main() {
  await tf.setBackend('wasm');

  const rows = makeListings(N_LISTINGS);
  rows.sort((a, b) => a.price - b.price);
  const band = [0.1, 0.5, 0.9].map((q) => rows[Math.floor(q * (N_LISTINGS - 1))].price);

  const nTrain = Math.floor(TRAIN_FRACTION * N_LISTINGS);
  const trainRows = rows.slice(0, nTrain);
  const testRows = rows.slice(nTrain);
  const xTrain = tf.tensor2d(trainRows.map((r) => r.x), [trainRows.length, NUM_FEATURES]);
  const yTrain = tf.tensor2d(trainRows.map((r) => [r.price]), [trainRows.length, 1]);
  const xTest = tf.tensor2d(testRows.map((r) => r.x), [testRows.length, NUM_FEATURES]);
  const yTest = tf.tensor2d(testRows.map((r) => [r.price]), [testRows.length, 1]);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [NUM_FEATURES] }));
  model.add(tf.layers.dense({ units: 32, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 1 }));
  model.compile({ optimizer: tf.train.adam(0.005), loss: 'meanSquaredError', metrics: ['mae'] });

  const history = await model.fit(xTrain, yTrain, { epochs: EPOCHS, batchSize: 32, shuffle: true, verbose: 0 });
  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testMae] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  console.log(`price band p10/p50/p90 ${band.map((p) => p.toFixed(2)).join('/')} | loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} mae ${h.mae[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test mae ${testMae.toFixed(3)}`);
}

main();
