'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(8093);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Monthly rent (in thousands) of city apartments from a few listing fields. Each column has a
// known range; the rent grows with the floor area and the number of rooms, drops with the
// distance to the centre and the building age, and renovated flats cost a little more.
const COLUMNS = [
  { name: 'area', min: 25, max: 180 },
  { name: 'rooms', min: 1, max: 6 },
  { name: 'floor', min: 1, max: 20 },
  { name: 'distance', min: 1, max: 25 },
  { name: 'age', min: 1, max: 90 },
  { name: 'renovated', min: 0, max: 1 },
];
const N_TRAIN = 1000;
const N_TEST = 300;

function makeListings(n) {
  const listings = [];
  for (let i = 0; i < n; i++) {
    const l = {};
    for (const c of COLUMNS) l[c.name] = rng.uniform(c.min, c.max);
    l.rooms = Math.round(l.rooms);
    l.floor = Math.round(l.floor);
    l.renovated = rng.random() < 0.3 ? 1 : 0;
    l.rent = 0.4 + 0.012 * l.area + 0.1 * l.rooms + 0.01 * l.floor
      + 1.2 * Math.exp(-l.distance / 6) - 0.006 * l.age + 0.25 * l.renovated + rng.normal(0, 0.08);
    listings.push(l);
  }
  return listings;
}

// one row of model inputs per listing
function toFeatures(listing) {
  return COLUMNS.map((c) => (listing[c.name] - c.min) / (c.max - c.min));
}

async function main() {
  await tf.setBackend('wasm');

  const trainSet = makeListings(N_TRAIN);
  const testSet = makeListings(N_TEST);
  const xTrain = tf.tensor2d(trainSet.map(toFeatures), [N_TRAIN, COLUMNS.length]);
  const yTrain = tf.tensor2d(trainSet.map((l) => [l.rent]), [N_TRAIN, 1]);
  const xTest = tf.tensor2d(testSet.map(toFeatures), [N_TEST, COLUMNS.length]);
  const yTest = tf.tensor2d(testSet.map((l) => [l.rent]), [N_TEST, 1]);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [COLUMNS.length] }));
  model.add(tf.layers.dense({ units: 16, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 1 }));
  model.compile({ optimizer: tf.train.adam(0.01), loss: 'meanSquaredError', metrics: ['mae'] });

  const history = await model.fit(xTrain, yTrain, { epochs: 30, batchSize: 32, shuffle: true, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testMae] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  const r2 = 1 - testLoss / tf.moments(yTest).variance.dataSync()[0];
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} mae ${h.mae[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test mae ${testMae.toFixed(3)} test r2 ${r2.toFixed(3)}`);
}

main();
