'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(2961);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Three-class classifier trained from a tf.data pipeline with model.fitDataset.
// Each example has 8 features; the class is the "energy band" of the first three features
// (squared distance from the origin: low / medium / high), the other five are noise.
const NUM_FEATURES = 8;
const NUM_CLASSES = 3;
const N_TRAIN = 1000;
const N_TEST = 400;
const BUFFER = N_TRAIN;

function makeExamples(n) {
  const features = [];
  const labels = [];
  for (let i = 0; i < n; i++) {
    const x = rng.array(NUM_FEATURES, () => rng.normal(0, 1));
    const r2 = x[0] * x[0] + x[1] * x[1] + x[2] * x[2];
    const c = r2 < 1.42 ? 0 : r2 < 3.37 ? 1 : 2;
    features.push(x);
    labels.push([0, 1, 2].map((k) => (k === c ? 1 : 0)));
  }
  return { features, labels };
}

async function main() {
  await tf.setBackend('wasm');

  const train = makeExamples(N_TRAIN);
  const test = makeExamples(N_TEST);

  const xs = tf.data.array(train.features).shuffle(BUFFER);
  const ys = tf.data.array(train.labels).shuffle(BUFFER);
  const trainDs = tf.data.zip({ xs, ys }).batch(32);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [NUM_FEATURES] }));
  model.add(tf.layers.dense({ units: 32, activation: 'relu' }));
  model.add(tf.layers.dense({ units: NUM_CLASSES, activation: 'softmax' }));
  model.compile({ optimizer: tf.train.adam(0.005), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });

  const history = await model.fitDataset(trainDs, { epochs: 20, verbose: 0 });

  const xTest = tf.tensor2d(test.features, [N_TEST, NUM_FEATURES]);
  const yTest = tf.tensor2d(test.labels, [N_TEST, NUM_CLASSES]);
  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testAcc] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
