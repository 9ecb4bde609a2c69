'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(4219);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Two concentric noisy circles (as sklearn's make_circles with factor 0.5, noise 0.08):
// label 1 for the inner circle, 0 for the outer one.
const FACTOR = 0.5;
const NOISE = 0.08;

function makeCircles(n) {
  const points = [];
  const labels = [];
  for (let i = 0; i < n; i++) {
    const inner = i % 2;
    const radius = inner ? FACTOR : 1;
    const angle = rng.uniform(0, 2 * Math.PI);
    points.push([radius * Math.cos(angle) + rng.normal(0, NOISE), radius * Math.sin(angle) + rng.normal(0, NOISE)]);
    labels.push([inner]);
  }
  return { points, labels };
}

async function main() {
  await tf.setBackend('wasm');
  const train = makeCircles(1000);
  const test = makeCircles(400);
  const xTrain = tf.tensor2d(train.points, [1000, 2]);
  const yTrain = tf.tensor2d(train.labels, [1000, 1]);
  const xTest = tf.tensor2d(test.points, [400, 2]);
  const yTest = tf.tensor2d(test.labels, [400, 1]);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'tanh', inputShape: [2] }));
  model.add(tf.layers.dense({ units: 32, activation: 'tanh' }));
  model.add(tf.layers.dense({ units: 1, activation: 'sigmoid' }));
  const optimizer = tf.train.momentum(0.1, 0.9);
  model.compile({ optimizer, loss: 'binaryCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(xTrain, yTrain, { epochs: 30, batchSize: 32, shuffle: true, validationData: [xTest, yTest], verbose: 0 });
  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testAcc] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} | held-out loss ${testLoss.toFixed(3)} accuracy ${testAcc.toFixed(3)}`);
}

main();
