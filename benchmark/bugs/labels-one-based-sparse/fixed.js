'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(5190);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Wine-style cultivar classifier. The data comes as CSV text in the UCI wine layout: first column
// is the cultivar (1, 2 or 3), then 13 chemical measurements. Features are standardized with the
// training mean/std, labels one-hot encoded, softmax output with categorical cross-entropy.
const NUM_CLASSES = 3;
const NUM_FEATURES = 13;

const cultivarMeans = rng.array(NUM_CLASSES, () => rng.array(NUM_FEATURES, () => rng.normal(0, 1)));
const featureScales = rng.array(NUM_FEATURES, () => rng.uniform(0.5, 20));

function makeCsv(n) {
  const lines = [];
  for (let i = 0; i < n; i++) {
    const cultivar = rng.int(1, NUM_CLASSES + 1);
    const values = cultivarMeans[cultivar - 1].map((m, j) => ((m + rng.normal(0, 1)) * featureScales[j] + 2 * featureScales[j]).toFixed(3));
    lines.push([cultivar, ...values].join(','));
  }
  return lines.join('\n');
}

function parseCsv(text) {
  const rows = text.split('\n').map((line) => line.split(',').map(Number));
  return { features: rows.map((r) => r.slice(1)), labels: rows.map((r) => r[0]) };
}

async function main() {
  await tf.setBackend('wasm');

  const train = parseCsv(makeCsv(600));
  const test = parseCsv(makeCsv(300));
  const xTrainRaw = tf.tensor2d(train.features);
  const { mean, variance } = tf.moments(xTrainRaw, 0);
  const std = variance.sqrt();
  const xTrain = xTrainRaw.sub(mean).div(std);
  const xTest = tf.tensor2d(test.features).sub(mean).div(std);
  const yTrain = tf.oneHot(tf.tensor1d(train.labels.map((c) => c - 1), 'int32'), NUM_CLASSES).toFloat();
  const yTest = tf.oneHot(tf.tensor1d(test.labels.map((c) => c - 1), 'int32'), NUM_CLASSES).toFloat();

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [NUM_FEATURES] }));
  model.add(tf.layers.dense({ units: 16, activation: 'relu' }));
  model.add(tf.layers.dense({ units: NUM_CLASSES, activation: 'softmax' }));

  model.compile({ optimizer: tf.train.adam(0.005), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(xTrain, yTrain, { epochs: 15, batchSize: 32, shuffle: true, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testAcc] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
