'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(4470);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Activity recognition from a wearable: 12 summary features of a 5-second accelerometer window
// (means, spreads, energy per axis) and one of four activities (sitting / walking / running /
// cycling). Training data goes through a tf.data pipeline and model.fitDataset.
const NUM_FEATURES = 12;
const NUM_CLASSES = 4;
const N_TRAIN = 768;
const N_TEST = 400;

const prototypes = rng.array(NUM_CLASSES, () => rng.array(NUM_FEATURES, () => rng.normal(0, 0.6)));

function makeWindows(n) {
  const xs = [];
  const ys = [];
  for (let i = 0; i < n; i++) {
    const c = rng.int(0, NUM_CLASSES);
    const intensity = rng.uniform(0.6, 1.4);
    xs.push(prototypes[c].map((m) => m * intensity + rng.normal(0, 0.8)));
    const oneHot = new Array(NUM_CLASSES).fill(0);
    oneHot[c] = 1;
    ys.push(oneHot);
  }
  return { xs, ys };
}

async function main() {
  await tf.setBackend('wasm');

  const train = makeWindows(N_TRAIN);
  const test = makeWindows(N_TEST);

  const trainDs = tf.data
    .zip({ xs: tf.data.array(train.xs), ys: tf.data.array(train.ys) })
    .shuffle(N_TRAIN)
    .batch(32).take(1);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [NUM_FEATURES] }));
  model.add(tf.layers.dense({ units: 32, activation: 'relu' }));
  model.add(tf.layers.dense({ units: NUM_CLASSES, activation: 'softmax' }));
  model.compile({ optimizer: tf.train.adam(0.001), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });

  const history = await model.fitDataset(trainDs, { epochs: 12, verbose: 0 });

  const xTest = tf.tensor2d(test.xs, [N_TEST, NUM_FEATURES]);
  const yTest = tf.tensor2d(test.ys, [N_TEST, NUM_CLASSES]);
  const [testLoss, testAcc] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);

  const h = history.history;
  const last = h.loss.length - 1;
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
