'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(1969);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// The classic XOR network: a small sigmoid hidden layer trained full-batch with plain SGD.
// Its loss sits on a plateau near 0.69 for a while before the hidden units break symmetry.
function makeSet(n) {
  const rows = [];
  const labels = [];
  for (let i = 0; i < n; i++) {
    const a = rng.int(0, 2);
    const b = rng.int(0, 2);
    rows.push([a + rng.normal(0, 0.1), b + rng.normal(0, 0.1)]);
    labels.push([a ^ b]);
  }
  return { rows, labels };
}

async function main() {
  await tf.setBackend('wasm');
  const train = makeSet(200);
  const test = makeSet(200);
  const xTrain = tf.tensor2d(train.rows, [200, 2]);
  const yTrain = tf.tensor2d(train.labels, [200, 1]);
  const xTest = tf.tensor2d(test.rows, [200, 2]);
  const yTest = tf.tensor2d(test.labels, [200, 1]);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 4, activation: 'sigmoid', inputShape: [2] }));
  model.add(tf.layers.dense({ units: 1, activation: 'sigmoid' }));
  model.compile({ optimizer: tf.train.sgd(1.0), loss: 'binaryCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(xTrain, yTrain, { epochs: 600, batchSize: 200, verbose: 0 });
  const loss = history.history.loss;
  const at = (i) => loss[i].toFixed(3);
  const [, testAcc] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  console.log(`loss ${at(0)} -> ${at(50)} (epoch 50) -> ${at(150)} (epoch 150) -> ${at(loss.length - 1)} | held-out accuracy ${testAcc.toFixed(3)}`);
}

main();
