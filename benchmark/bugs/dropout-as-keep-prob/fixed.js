'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(5813);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Four interleaved spiral arms in 2D (one class per arm) plus small noise.
// MLP with two hidden layers and dropout after each, softmax output, Adam.
const NUM_CLASSES = 4;

function makeSpirals(n) {
  const xs = [];
  const ys = [];
  for (let i = 0; i < n; i++) {
    const c = rng.int(0, NUM_CLASSES);
    const t = rng.uniform(0.1, 1);
    const angle = (2 * Math.PI * c) / NUM_CLASSES + 3 * t;
    xs.push([2 * t * Math.cos(angle) + rng.normal(0, 0.05), 2 * t * Math.sin(angle) + rng.normal(0, 0.05)]);
    const oneHot = new Array(NUM_CLASSES).fill(0);
    oneHot[c] = 1;
    ys.push(oneHot);
  }
  return { xs, ys };
}

async function main() {
  await tf.setBackend('wasm');

  const train = makeSpirals(800);
  const test = makeSpirals(400);
  const xTrain = tf.tensor2d(train.xs, [800, 2]);
  const yTrain = tf.tensor2d(train.ys, [800, NUM_CLASSES]);
  const xTest = tf.tensor2d(test.xs, [400, 2]);
  const yTest = tf.tensor2d(test.ys, [400, NUM_CLASSES]);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [2] }));
  model.add(tf.layers.dropout({ rate: 0.1 }));
  model.add(tf.layers.dense({ units: 32, activation: 'relu' }));
  model.add(tf.layers.dropout({ rate: 0.1 }));
  model.add(tf.layers.dense({ units: NUM_CLASSES, activation: 'softmax' }));

  model.compile({ optimizer: tf.train.adam(0.01), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(xTrain, yTrain, { epochs: 30, batchSize: 32, shuffle: true, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const [trainLoss, trainAcc] = model.evaluate(xTrain, yTrain).map((t) => t.dataSync()[0]);
  const [testLoss, testAcc] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} | train loss ${trainLoss.toFixed(3)} train acc ${trainAcc.toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
