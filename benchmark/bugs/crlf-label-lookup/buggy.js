'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(3907);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Iris-style species classifier. The training measurements arrive as CSV text exported from a
// spreadsheet (what fs.readFileSync('flowers.csv', 'utf8') returns; makeCsv stands in for that
// file here), and the model is then checked on newly measured flowers of known species.
const CLASSES = ['setosa', 'versicolor', 'virginica'];
const COLUMNS = ['sepal_length', 'sepal_width', 'petal_length', 'petal_width', 'species'];
const MEANS = [[5.0, 3.4, 1.5, 0.25], [5.9, 2.8, 4.3, 1.3], [6.6, 3.0, 5.5, 2.0]];
const SPREAD = [0.45, 0.35, 0.45, 0.25];

function measureFlower() {
  const species = CLASSES[rng.int(0, CLASSES.length)];
  const c = CLASSES.indexOf(species);
  const measurements = MEANS[c].map((m, j) => Number(Math.max(0.1, m + rng.normal(0, SPREAD[j])).toFixed(1)));
  return { measurements, species };
}

function makeCsv(n) {
  const lines = [COLUMNS.join(',')];
  for (let i = 0; i < n; i++) {
    const { measurements, species } = measureFlower();
    lines.push([...measurements, species].join(','));
  }
  return lines.join('\r\n') + '\r\n';
}

function parseCsv(text) {
  const lines = text.trim().split('\n');
  const rows = lines.slice(1).map((line) => line.split(','));
  const features = rows.map((fields) => fields.slice(0, 4).map(Number));
  const labels = rows.map((fields) => CLASSES.indexOf(fields[fields.length - 1]));
  return { features, labels };
}

async function main() {
  await tf.setBackend('wasm');

  const { features, labels } = parseCsv(makeCsv(500));
  const x = tf.tensor2d(features);
  const y = tf.oneHot(tf.tensor1d(labels, 'int32'), CLASSES.length).toFloat();

  // standardize with the training statistics
  const { mean, variance } = tf.moments(x, 0);
  const std = variance.sqrt();
  const xTrain = x.sub(mean).div(std);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 16, activation: 'relu', inputShape: [4] }));
  model.add(tf.layers.dense({ units: 16, activation: 'relu' }));
  model.add(tf.layers.dense({ units: CLASSES.length, activation: 'softmax' }));
  model.compile({ optimizer: tf.train.adam(0.01), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(xTrain, y, { epochs: 40, batchSize: 32, shuffle: true, verbose: 0 });

  const flowers = rng.array(200, measureFlower);
  const xNew = tf.tensor2d(flowers.map((f) => f.measurements)).sub(mean).div(std);
  const yNew = tf.oneHot(tf.tensor1d(flowers.map((f) => CLASSES.indexOf(f.species)), 'int32'), CLASSES.length).toFloat();
  const [testLoss] = model.evaluate(xNew, yNew).map((t) => t.dataSync()[0]);
  const predicted = Array.from(model.predict(xNew).argMax(-1).dataSync()).map((k) => CLASSES[k]);
  const testAcc = predicted.filter((s, i) => s === flowers[i].species).length / flowers.length;

  const h = history.history;
  const last = h.loss.length - 1;
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
