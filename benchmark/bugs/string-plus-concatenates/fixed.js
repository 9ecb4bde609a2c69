'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(4403);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// House price regression on listings from a real-estate API. The API returns JSON records like
// {"livingArea":"1450","basementArea":"620","bedrooms":"3","age":"27","price":"251300"}.
// Features: total floor area (living + basement), bedrooms, age. Target: price in $100k.
function fetchListingsJson(n) {
  const listings = [];
  for (let i = 0; i < n; i++) {
    const livingArea = rng.int(900, 1800);
    const basementArea = rng.random() < 0.75 ? rng.int(150, 1800) : 0;
    const bedrooms = rng.int(1, 6);
    const age = rng.int(0, 90);
    const price = 110 * (livingArea + basementArea) + 9000 * bedrooms - 800 * age + 40000 + rng.normal(0, 12000);
    listings.push({
      livingArea: String(livingArea),
      basementArea: String(basementArea),
      bedrooms: String(bedrooms),
      age: String(age),
      price: String(Math.round(price)),
    });
  }
  return JSON.stringify(listings);
}

function toFeatures(listing) {
  const totalArea = Number(listing.livingArea) + Number(listing.basementArea);
  // area in thousands of sq ft, age in decades
  return [totalArea / 1000, Number(listing.bedrooms), listing.age / 10];
}

async function main() {
  await tf.setBackend('wasm');

  const listings = JSON.parse(fetchListingsJson(1300));
  const nTrain = 1000;
  const x = tf.tensor2d(listings.map(toFeatures));
  const y = tf.tensor2d(listings.map((l) => [Number(l.price) / 100000]));

  const xTrain = x.slice([0, 0], [nTrain, 3]);
  const yTrain = y.slice([0, 0], [nTrain, 1]);
  const xTest = x.slice([nTrain, 0], [-1, 3]);
  const yTest = y.slice([nTrain, 0], [-1, 1]);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [3] }));
  model.add(tf.layers.dense({ units: 16, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 1 }));
  model.compile({ optimizer: tf.train.adam(0.01), loss: 'meanSquaredError' });

  const history = await model.fit(xTrain, yTrain, { epochs: 40, batchSize: 32, shuffle: true, verbose: 0 });

  const losses = history.history.loss;
  const testMse = model.evaluate(xTest, yTest).dataSync()[0];
  const testVar = tf.moments(yTest).variance.dataSync()[0];
  console.log(`loss ${losses[0].toFixed(4)} -> ${losses[losses.length - 1].toFixed(4)} | test mse ${testMse.toFixed(4)} test r2 ${(1 - testMse / testVar).toFixed(3)}`);
}

main();
