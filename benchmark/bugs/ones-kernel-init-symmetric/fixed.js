'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(9026);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Binary classifier for points in the plane: a point is positive when it lies inside a ring
// around the origin (radius between 0.9 and 1.9), negative otherwise. Two relu hidden layers,
// sigmoid output, binary cross-entropy, Adam.
const N_TRAIN = 1000;
const N_TEST = 400;

function makePoints(n) {
  const xs = [];
  const ys = [];
  for (let i = 0; i < n; i++) {
    const x1 = rng.uniform(-2.5, 2.5);
    const x2 = rng.uniform(-2.5, 2.5);
    const r = Math.sqrt(x1 * x1 + x2 * x2);
    xs.push([x1, x2]);
    ys.push(r > 0.9 && r < 1.9 ? 1 : 0);
  }
  return { xs, ys };
}

async function main() {
  await tf.setBackend('wasm');

  const train = makePoints(N_TRAIN);
  const test = makePoints(N_TEST);
  const xTrain = tf.tensor2d(train.xs, [N_TRAIN, 2]);
  const yTrain = tf.tensor2d(train.ys, [N_TRAIN, 1]);
  const xTest = tf.tensor2d(test.xs, [N_TEST, 2]);
  const yTest = tf.tensor2d(test.ys, [N_TEST, 1]);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 16, activation: 'relu', inputShape: [2], kernelInitializer: 'glorotUniform' }));
  model.add(tf.layers.dense({ units: 16, activation: 'relu', kernelInitializer: 'glorotUniform' }));
  model.add(tf.layers.dense({ units: 1, activation: 'sigmoid' }));

  model.compile({ optimizer: tf.train.adam(0.01), loss: 'binaryCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(xTrain, yTrain, { epochs: 40, batchSize: 32, shuffle: true, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testAcc] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
