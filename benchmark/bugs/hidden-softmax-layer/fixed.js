'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(5183);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Five-arm spiral classifier: each point (x, y) lies on one of five interleaved spiral arms,
// and the model has to say which arm. One-hot labels, two hidden layers, softmax output,
// categorical cross-entropy, plain SGD.
const NUM_CLASSES = 5;
const N_TRAIN = 1500;
const N_TEST = 500;

function makeSpirals(n) {
  const xs = [];
  const ys = [];
  for (let i = 0; i < n; i++) {
    const c = rng.int(0, NUM_CLASSES);
    const r = rng.uniform(0.1, 1);
    const angle = 4 * r + (2 * Math.PI * c) / NUM_CLASSES + rng.normal(0, 0.15);
    xs.push([2 * r * Math.cos(angle), 2 * r * Math.sin(angle)]);
    const oneHot = new Array(NUM_CLASSES).fill(0);
    oneHot[c] = 1;
    ys.push(oneHot);
  }
  return { xs, ys };
}

async function main() {
  await tf.setBackend('wasm');

  const train = makeSpirals(N_TRAIN);
  const test = makeSpirals(N_TEST);
  const xTrain = tf.tensor2d(train.xs, [N_TRAIN, 2]);
  const yTrain = tf.tensor2d(train.ys, [N_TRAIN, NUM_CLASSES]);
  const xTest = tf.tensor2d(test.xs, [N_TEST, 2]);
  const yTest = tf.tensor2d(test.ys, [N_TEST, NUM_CLASSES]);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 64, activation: 'relu', inputShape: [2] }));
  model.add(tf.layers.dense({ units: 128, activation: 'relu' }));
  model.add(tf.layers.dense({ units: NUM_CLASSES, activation: 'softmax' }));

  model.compile({ optimizer: tf.train.sgd(0.1), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(xTrain, yTrain, { epochs: 30, batchSize: 32, shuffle: true, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testAcc] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
