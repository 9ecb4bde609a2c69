'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(5183);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Three-class classifier on 10 standardized sensor readings. The class comes from two hidden
// linear scores of the readings (which one is larger, and whether the larger one is positive).
// Two relu hidden layers, softmax output, Adam.
const NUM_FEATURES = 10;
const NUM_CLASSES = 3;

const wA = rng.array(NUM_FEATURES, () => rng.normal(0, 1));
const wB = rng.array(NUM_FEATURES, () => rng.normal(0, 1));

function makeReadings(n) {
  const xs = [];
  const ys = [];
  for (let i = 0; i < n; i++) {
    const row = rng.array(NUM_FEATURES, () => rng.normal(0, 1));
    const a = row.reduce((s, v, k) => s + v * wA[k], 0);
    const b = row.reduce((s, v, k) => s + v * wB[k], 0);
    const c = Math.max(a, b) < 0 ? 2 : a > b ? 0 : 1;
    xs.push(row);
    ys.push([0, 1, 2].map((k) => (k === c ? 1 : 0)));
  }
  return { xs, ys };
}

async function main() {
  await tf.setBackend('wasm');

  const train = makeReadings(1200);
  const test = makeReadings(400);
  const xTrain = tf.tensor2d(train.xs, [1200, NUM_FEATURES]);
  const yTrain = tf.tensor2d(train.ys, [1200, NUM_CLASSES]);
  const xTest = tf.tensor2d(test.xs, [400, NUM_FEATURES]);
  const yTest = tf.tensor2d(test.ys, [400, NUM_CLASSES]);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [NUM_FEATURES], biasInitializer: tf.initializers.constant({ value: -3 }) }));
  model.add(tf.layers.dense({ units: 32, activation: 'relu', biasInitializer: tf.initializers.constant({ value: -3 }) }));
  model.add(tf.layers.dense({ units: NUM_CLASSES, activation: 'softmax' }));

  model.compile({ optimizer: tf.train.adam(0.005), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(xTrain, yTrain, { epochs: 30, batchSize: 32, shuffle: true, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testAcc] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
