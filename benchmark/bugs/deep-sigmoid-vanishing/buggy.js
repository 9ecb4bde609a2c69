'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(5821);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Deep MLP for a 4-class problem in 10 features: each class is a Gaussian blob around its own
// random centre. Ten hidden layers of 32 units, softmax output, categorical cross-entropy, SGD.
const NUM_FEATURES = 10;
const NUM_CLASSES = 4;
const N_TRAIN = 1000;
const N_TEST = 500;

const centres = rng.array(NUM_CLASSES, () => rng.array(NUM_FEATURES, () => rng.normal(0, 1.5)));

function makeData(n) {
  const xs = [];
  const ys = [];
  for (let i = 0; i < n; i++) {
    const c = rng.int(0, NUM_CLASSES);
    xs.push(centres[c].map((m) => m + rng.normal(0, 1)));
    ys.push([0, 1, 2, 3].map((k) => (k === c ? 1 : 0)));
  }
  return { xs, ys };
}

async function main() {
  await tf.setBackend('wasm');

  const train = makeData(N_TRAIN);
  const test = makeData(N_TEST);
  const xTrain = tf.tensor2d(train.xs, [N_TRAIN, NUM_FEATURES]);
  const yTrain = tf.tensor2d(train.ys, [N_TRAIN, NUM_CLASSES]);
  const xTest = tf.tensor2d(test.xs, [N_TEST, NUM_FEATURES]);
  const yTest = tf.tensor2d(test.ys, [N_TEST, NUM_CLASSES]);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'sigmoid', inputShape: [NUM_FEATURES] }));
  model.add(tf.layers.dense({ units: 32, activation: 'sigmoid' }));
  model.add(tf.layers.dense({ units: 32, activation: 'sigmoid' }));
  model.add(tf.layers.dense({ units: 32, activation: 'sigmoid' }));
  model.add(tf.layers.dense({ units: 32, activation: 'sigmoid' }));
  model.add(tf.layers.dense({ units: 32, activation: 'sigmoid' }));
  model.add(tf.layers.dense({ units: 32, activation: 'sigmoid' }));
  model.add(tf.layers.dense({ units: 32, activation: 'sigmoid' }));
  model.add(tf.layers.dense({ units: 32, activation: 'sigmoid' }));
  model.add(tf.layers.dense({ units: 32, activation: 'sigmoid' }));
  model.add(tf.layers.dense({ units: NUM_CLASSES, activation: 'softmax' }));

  model.compile({ optimizer: tf.train.sgd(0.1), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(xTrain, yTrain, { epochs: 25, batchSize: 32, shuffle: true, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testAcc] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
