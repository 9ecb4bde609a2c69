'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(7342);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Five-class classifier on synthetic Gaussian clusters in 16 features: each class has its own
// random centre and samples are that centre plus unit Gaussian noise. One-hot labels, softmax
// output, categorical cross-entropy, plain SGD.
const NUM_CLASSES = 5;
const NUM_FEATURES = 16;

const centres = rng.array(NUM_CLASSES, () => rng.array(NUM_FEATURES, () => rng.normal(0, 1)));

function makeClusters(n) {
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

  const train = makeClusters(1000);
  const test = makeClusters(500);
  const xTrain = tf.tensor2d(train.xs, [1000, NUM_FEATURES]);
  const yTrain = tf.tensor2d(train.ys, [1000, NUM_CLASSES]);
  const xTest = tf.tensor2d(test.xs, [500, NUM_FEATURES]);
  const yTest = tf.tensor2d(test.ys, [500, NUM_CLASSES]);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [NUM_FEATURES] }));
  model.add(tf.layers.dense({ units: 32, activation: 'relu' }));
  model.add(tf.layers.dense({ units: NUM_CLASSES, activation: 'softmax' }));

  const optimizer = tf.train.sgd(0.00001);
  model.compile({ optimizer, loss: 'categoricalCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(xTrain, yTrain, { epochs: 30, batchSize: 32, shuffle: true, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testAcc] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
