'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(5281);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Predict a car's number of cylinders (4, 6 or 8) from its spec sheet. The training cars come
// from a CSV export of the catalogue (makeCsv stands in for fs.readFileSync('cars.csv', 'utf8'))
// read into one object per row, keyed by the header; the model is then checked on new cars
// from the current spec sheets. The class order comes from the model config.
const CONFIG = { labelIndex: new Map([[4, 0], [6, 1], [8, 2]]), epochs: 25, batchSize: 32 };
const FEATURES = ['displacement', 'horsepower', 'weight', 'acceleration', 'mpg', 'year'];
const PROFILES = {
  4: [1.8, 110, 1250, 10.5, 34, 2012],
  6: [3.2, 220, 1650, 8.0, 25, 2010],
  8: [5.0, 340, 2050, 6.5, 18, 2008],
};
const SPREAD = [0.7, 60, 300, 1.8, 6, 6];

function specSheet() {
  const cylinders = [4, 6, 8][rng.int(0, 3)];
  const car = { cylinders };
  FEATURES.forEach((f, j) => {
    car[f] = Number((PROFILES[cylinders][j] + rng.normal(0, SPREAD[j])).toFixed(j === 0 ? 1 : 0));
  });
  return car;
}

function makeCsv(n) {
  const header = ['cylinders', ...FEATURES];
  const cars = rng.array(n, specSheet);
  return [header.join(','), ...cars.map((c) => header.map((h) => c[h]).join(','))].join('\n');
}

function readCsv(text) {
  const [header, ...lines] = text.trim().split('\n').map((l) => l.split(','));
  return lines.map((fields) => Object.fromEntries(header.map((h, j) => [h, fields[j]])));
}

function encode(rows) {
  const features = rows.map((row) => FEATURES.map((f) => Number(row[f])));
  const labels = rows.map((row) => CONFIG.labelIndex.get(row.cylinders));
  return { features, labels };
}

async function main() {
  await tf.setBackend('wasm');

  const train = encode(readCsv(makeCsv(600)));
  const x = tf.tensor2d(train.features);
  const y = tf.oneHot(tf.tensor1d(train.labels, 'int32'), CONFIG.labelIndex.size).toFloat();

  // standardize with the training statistics
  const { mean, variance } = tf.moments(x, 0);
  const std = variance.sqrt();
  const xTrain = x.sub(mean).div(std);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 24, activation: 'relu', inputShape: [FEATURES.length] }));
  model.add(tf.layers.dense({ units: 24, activation: 'relu' }));
  model.add(tf.layers.dense({ units: CONFIG.labelIndex.size, activation: 'softmax' }));
  model.compile({ optimizer: tf.train.adam(0.01), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(xTrain, y, { epochs: CONFIG.epochs, batchSize: CONFIG.batchSize, shuffle: true, verbose: 0 });

  const test = encode(rng.array(300, specSheet));
  const xTest = tf.tensor2d(test.features).sub(mean).div(std);
  const yTest = tf.oneHot(tf.tensor1d(test.labels, 'int32'), CONFIG.labelIndex.size).toFloat();
  const [testLoss, testAcc] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);

  const h = history.history;
  const last = h.loss.length - 1;
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
