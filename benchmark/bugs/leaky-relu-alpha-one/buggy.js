'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(5821);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// XOR-style quadrant classifier: two sensor readings in [-1, 1], label 1 when both readings
// have the same sign (first and third quadrant), else 0. A little measurement noise is added
// to the inputs after labelling.
function makeQuadrants(n) {
  const xs = [];
  const ys = [];
  for (let i = 0; i < n; i++) {
    const a = rng.uniform(-1, 1);
    const b = rng.uniform(-1, 1);
    xs.push([a + rng.normal(0, 0.05), b + rng.normal(0, 0.05)]);
    ys.push(a * b > 0 ? 1 : 0);
  }
  return { xs, ys };
}

async function main() {
  await tf.setBackend('wasm');

  const train = makeQuadrants(1000);
  const test = makeQuadrants(400);
  const xTrain = tf.tensor2d(train.xs, [1000, 2]);
  const yTrain = tf.tensor2d(train.ys, [1000, 1]);
  const xTest = tf.tensor2d(test.xs, [400, 2]);
  const yTest = tf.tensor2d(test.ys, [400, 1]);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 24, inputShape: [2] }));
  model.add(tf.layers.leakyReLU({ alpha: 1.0 }));
  model.add(tf.layers.dense({ units: 24 }));
  model.add(tf.layers.leakyReLU({ alpha: 1.0 }));
  model.add(tf.layers.dense({ units: 1, activation: 'sigmoid' }));

  model.compile({ optimizer: tf.train.adam(0.01), loss: 'binaryCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(xTrain, yTrain, { epochs: 50, batchSize: 32, shuffle: true, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testAcc] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
