'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(2591);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// XOR / checkerboard quadrants: points uniform in [-1, 1]^2, label 1 when both coordinates
// have the same sign (first and third quadrants), else 0. Features are kept in a flat
// Float32Array, two values per point, and passed straight to tf.tensor2d.
function makeXor(n) {
  const xs = new Float32Array(n * 2);
  const ys = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    xs[2 * i] = rng.uniform(-1, 1);
    xs[2 * i + 1] = rng.uniform(-1, 1);
  }
  for (let i = 0; i < n; i++) {
    ys[i] = xs[2 * i] * xs[2 * i + 1] > 0 ? 1 : 0;
  }
  return { xs, ys };
}

async function main() {
  await tf.setBackend('wasm');

  const train = makeXor(800);
  const test = makeXor(400);
  const xTrain = tf.tensor2d(train.xs, [800, 2]);
  const yTrain = tf.tensor2d(train.ys, [800, 1]);
  const xTest = tf.tensor2d(test.xs, [400, 2]);
  const yTest = tf.tensor2d(test.ys, [400, 1]);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 16, activation: 'relu', inputShape: [2] }));
  model.add(tf.layers.dense({ units: 16, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 1, activation: 'sigmoid' }));

  model.compile({ optimizer: tf.train.adam(0.01), loss: 'binaryCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(xTrain, yTrain, { epochs: 40, batchSize: 32, shuffle: true, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testAcc] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
