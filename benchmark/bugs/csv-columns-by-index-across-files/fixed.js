'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(9583);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Monthly rent (in hundreds of euros) of city apartments from their listing data.
// Last year's listings export is the training set and this year's export is the held-out set.
// Both are CSV texts with a header row; the features are picked out of each row by looking up
// the column names in the header, standardized with the training statistics and fed to an MLP.
const N_TRAIN = 1200;
const N_TEST = 400;
const FEATURES = ['area_m2', 'rooms', 'floor', 'building_age', 'dist_center_km'];
const TARGET = 'rent';
const EXPORT_2023 = ['listing_id', 'area_m2', 'rooms', 'floor', 'building_age', 'dist_center_km', 'rent'];
const EXPORT_2024 = ['listing_id', 'area_m2', 'rooms', 'floor', 'dist_center_km', 'building_age', 'rent'];

function exportListings(n, columns, firstId) {
  const lines = [columns.join(',')];
  for (let i = 0; i < n; i++) {
    const rooms = rng.int(1, 6);
    const listing = {
      listing_id: firstId + i,
      rooms,
      area_m2: Math.round(18 + 22 * rooms + rng.uniform(-10, 25)),
      floor: rng.int(0, 12),
      building_age: rng.int(0, 90),
      dist_center_km: rng.uniform(0.3, 18).toFixed(1),
    };
    const rent = 2 + 0.11 * listing.area_m2 + 0.4 * rooms + 0.08 * listing.floor
      - 0.03 * listing.building_age - 0.35 * listing.dist_center_km + rng.normal(0, 0.6);
    listing.rent = Math.max(rent, 2.5).toFixed(2);
    lines.push(columns.map((c) => listing[c]).join(','));
  }
  return lines.join('\n') + '\n';
}

function toExamples(text, header) {
  const rows = text.trim().split('\n').slice(1).map((line) => line.split(','));
  const featureCols = FEATURES.map((name) => header.indexOf(name));
  const targetCol = header.indexOf(TARGET);
  return {
    xs: rows.map((cells) => featureCols.map((j) => parseFloat(cells[j]))),
    ys: rows.map((cells) => [parseFloat(cells[targetCol])]),
  };
}

async function main() {
  await tf.setBackend('wasm');

  const trainText = exportListings(N_TRAIN, EXPORT_2023, 100000);
  const testText = exportListings(N_TEST, EXPORT_2024, 200000);
  const headerOf = (text) => text.slice(0, text.indexOf('\n')).split(',');
  const train = toExamples(trainText, headerOf(trainText));
  const test = toExamples(testText, headerOf(testText));

  const xTrainRaw = tf.tensor2d(train.xs, [N_TRAIN, FEATURES.length]);
  const yTrain = tf.tensor2d(train.ys, [N_TRAIN, 1]);
  const xTestRaw = tf.tensor2d(test.xs, [N_TEST, FEATURES.length]);
  const yTest = tf.tensor2d(test.ys, [N_TEST, 1]);

  const { mean, variance } = tf.moments(xTrainRaw, 0);
  const std = variance.sqrt().add(1e-6);
  const xTrain = xTrainRaw.sub(mean).div(std);
  const xTest = xTestRaw.sub(mean).div(std);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [FEATURES.length] }));
  model.add(tf.layers.dense({ units: 16, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 1 }));
  model.compile({ optimizer: tf.train.adam(0.01), loss: 'meanSquaredError', metrics: ['mae'] });

  const history = await model.fit(xTrain, yTrain, { epochs: 40, batchSize: 32, shuffle: true, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testMae] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} mae ${h.mae[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test mae ${testMae.toFixed(3)}`);
}

main();
