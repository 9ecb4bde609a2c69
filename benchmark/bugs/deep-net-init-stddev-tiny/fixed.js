'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(5163);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Activity recognition from 12 summary statistics of a wrist sensor window (4 activities:
// resting, walking, running, cycling). Synthetic features, standardized per column. A deep
// stack of ReLU layers built in a loop, softmax output, categorical cross-entropy.
const NUM_FEATURES = 12;
const NUM_CLASSES = 4;
const HIDDEN_LAYERS = 8;
const HIDDEN_UNITS = 32;

const prototypes = rng.array(NUM_CLASSES, () => rng.array(NUM_FEATURES, () => rng.normal(0, 1)));

function makeWindows(n) {
  const xs = [];
  const ys = [];
  for (let i = 0; i < n; i++) {
    const c = rng.int(0, NUM_CLASSES);
    const intensity = rng.uniform(0.5, 1.5);
    xs.push(prototypes[c].map((p, j) => p * intensity + 0.4 * Math.sin(3 * p * intensity + j) + rng.normal(0, 0.6)));
    ys.push(c);
  }
  return { xs, ys };
}

async function main() {
  await tf.setBackend('wasm');

  const train = makeWindows(1000);
  const test = makeWindows(400);
  const xTrainRaw = tf.tensor2d(train.xs);
  const { mean, variance } = tf.moments(xTrainRaw, 0);
  const std = variance.sqrt();
  const xTrain = xTrainRaw.sub(mean).div(std);
  const xTest = tf.tensor2d(test.xs).sub(mean).div(std);
  const yTrain = tf.oneHot(tf.tensor1d(train.ys, 'int32'), NUM_CLASSES);
  const yTest = tf.oneHot(tf.tensor1d(test.ys, 'int32'), NUM_CLASSES);

  const model = tf.sequential();
  for (let i = 0; i < HIDDEN_LAYERS; i++) {
    model.add(tf.layers.dense({
      units: HIDDEN_UNITS,
      activation: 'relu',
      kernelInitializer: 'heNormal',
      ...(i === 0 ? { inputShape: [NUM_FEATURES] } : {}),
    }));
  }
  model.add(tf.layers.dense({ units: NUM_CLASSES, activation: 'softmax' }));

  model.compile({ optimizer: tf.train.adam(0.001), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(xTrain, yTrain, { epochs: 20, batchSize: 32, shuffle: true, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testAcc] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
