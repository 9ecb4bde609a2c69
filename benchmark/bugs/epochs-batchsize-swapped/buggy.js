'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(2961);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Binary classifier on two noisy concentric rings in 2D (inner ring = class 1), with a small MLP
// trained by plain SGD. 400 training points, 200 held out.
const EPOCHS = 60;
const BATCH_SIZE = 16;
const LEARNING_RATE = 0.1;

function makeRings(n) {
  const xs = [];
  const ys = [];
  for (let i = 0; i < n; i++) {
    const label = rng.int(0, 2);
    const angle = rng.uniform(0, 2 * Math.PI);
    const radius = (label === 1 ? 0.5 : 1.0) + rng.normal(0, 0.1);
    xs.push([radius * Math.cos(angle), radius * Math.sin(angle)]);
    ys.push(label);
  }
  return { xs, ys };
}

async function main() {
  await tf.setBackend('wasm');

  const train = makeRings(400);
  const test = makeRings(200);
  const xTrain = tf.tensor2d(train.xs);
  const yTrain = tf.tensor2d(train.ys, [train.ys.length, 1]);
  const xTest = tf.tensor2d(test.xs);
  const yTest = tf.tensor2d(test.ys, [test.ys.length, 1]);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 16, activation: 'tanh', inputShape: [2] }));
  model.add(tf.layers.dense({ units: 16, activation: 'tanh' }));
  model.add(tf.layers.dense({ units: 1, activation: 'sigmoid' }));
  model.compile({ optimizer: tf.train.sgd(LEARNING_RATE), loss: 'binaryCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(xTrain, yTrain, { epochs: BATCH_SIZE, batchSize: EPOCHS, shuffle: true, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testAcc] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
