'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(3306);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Classify businesses as small / medium / large from six figures that all grow with the size
// of the business but live on very different scales: yearly revenue, employees, floor space (m2),
// vehicles, monthly electricity use (kWh) and number of customers. Each figure has ~10% noise.
const CLASSES = ['small', 'medium', 'large'];
const NUM_FEATURES = 6;
const PER_UNIT = [250000, 4, 60, 0.8, 2500, 900];

function makeBusinesses(n) {
  const xs = [];
  const ys = [];
  for (let i = 0; i < n; i++) {
    const size = rng.uniform(1, 10);
    xs.push(PER_UNIT.map((k) => k * size * (1 + rng.normal(0, 0.1))));
    const c = size < 4 ? 0 : size < 7 ? 1 : 2;
    ys.push(CLASSES.map((_, k) => (k === c ? 1 : 0)));
  }
  return { xs, ys };
}

// the raw figures differ by five orders of magnitude, so bring them to zero mean / unit variance
function standardize(x) {
  const { mean, variance } = tf.moments(x, 0, true);
  return x.sub(mean).div(variance.sqrt().add(1e-8));
}

async function main() {
  await tf.setBackend('wasm');

  const train = makeBusinesses(1000);
  const test = makeBusinesses(300);
  const xTrain = standardize(tf.tensor2d(train.xs, [1000, NUM_FEATURES]));
  const yTrain = tf.tensor2d(train.ys, [1000, CLASSES.length]);
  const xTest = standardize(tf.tensor2d(test.xs, [300, NUM_FEATURES]));
  const yTest = tf.tensor2d(test.ys, [300, CLASSES.length]);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [NUM_FEATURES] }));
  model.add(tf.layers.dense({ units: 16, activation: 'relu' }));
  model.add(tf.layers.dense({ units: CLASSES.length, activation: 'softmax' }));

  model.compile({ optimizer: tf.train.adam(0.01), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(xTrain, yTrain, { epochs: 40, batchSize: 32, shuffle: true, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testAcc] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
