'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(2917);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Ten-class classifier on 16 features: each class is a Gaussian blob around its own random
// centre. The last Dense layer produces the class scores and a separate softmax Activation
// layer turns them into probabilities. One-hot labels, categorical cross-entropy, Adam.
const NUM_CLASSES = 10;
const NUM_FEATURES = 16;
const N_TRAIN = 1500;
const N_TEST = 500;

const centres = rng.array(NUM_CLASSES, () => rng.array(NUM_FEATURES, () => rng.normal(0, 1.2)));

function makeBlobs(n) {
  const xs = [];
  const ys = [];
  for (let i = 0; i < n; i++) {
    const c = rng.int(0, NUM_CLASSES);
    xs.push(centres[c].map((m) => m + rng.normal(0, 1)));
    const oneHot = new Array(NUM_CLASSES).fill(0);
    oneHot[c] = 1;
    ys.push(oneHot);
  }
  return { xs, ys };
}

async function main() {
  await tf.setBackend('wasm');

  const train = makeBlobs(N_TRAIN);
  const test = makeBlobs(N_TEST);
  const xTrain = tf.tensor2d(train.xs, [N_TRAIN, NUM_FEATURES]);
  const yTrain = tf.tensor2d(train.ys, [N_TRAIN, NUM_CLASSES]);
  const xTest = tf.tensor2d(test.xs, [N_TEST, NUM_FEATURES]);
  const yTest = tf.tensor2d(test.ys, [N_TEST, NUM_CLASSES]);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [NUM_FEATURES] }));
  model.add(tf.layers.dense({ units: NUM_CLASSES, activation: 'linear' }));
  model.add(tf.layers.activation({ activation: 'softmax' }));

  model.compile({ optimizer: tf.train.adam(0.01), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(xTrain, yTrain, { epochs: 30, batchSize: 32, shuffle: true, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testAcc] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
