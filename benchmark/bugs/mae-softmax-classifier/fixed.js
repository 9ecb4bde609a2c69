'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(3317);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// 10-class toy problem in the spirit of sklearn's make_classification: 16 standardized
// features, and the class is whichever of 10 hidden linear scores is the largest.
// One hidden layer, softmax output over one-hot labels, plain SGD.
const NUM_CLASSES = 10;
const NUM_FEATURES = 16;

const hiddenWeights = rng.array(NUM_CLASSES, () => rng.array(NUM_FEATURES, () => rng.normal(0, 1)));

function makeData(n) {
  const xs = [];
  const labels = [];
  for (let i = 0; i < n; i++) {
    const x = rng.array(NUM_FEATURES, () => rng.normal(0, 1));
    const scores = hiddenWeights.map((w) => w.reduce((sum, wj, j) => sum + wj * x[j], 0));
    xs.push(x);
    labels.push(scores.indexOf(Math.max(...scores)));
  }
  const x = tf.tensor2d(xs, [n, NUM_FEATURES]);
  const y = tf.oneHot(tf.tensor1d(labels, 'int32'), NUM_CLASSES).toFloat();
  return { x, y };
}

async function main() {
  await tf.setBackend('wasm');

  const train = makeData(1500);
  const test = makeData(500);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 64, activation: 'relu', inputShape: [NUM_FEATURES] }));
  model.add(tf.layers.dense({ units: NUM_CLASSES, activation: 'softmax' }));
  model.compile({ optimizer: tf.train.sgd(0.05), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(train.x, train.y, { epochs: 25, batchSize: 32, shuffle: true, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testAcc] = model.evaluate(test.x, test.y).map((t) => t.dataSync()[0]);
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
