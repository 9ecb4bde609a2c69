'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(4817);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Circle classifier: points uniform in the square [-1, 1]^2, label 1 when the point lies
// inside the circle of radius 0.8 centred at the origin (about half the square), else 0.
const RADIUS = 0.8;

function makePoints(n) {
  const points = [];
  const labels = [];
  for (let i = 0; i < n; i++) {
    const x = rng.uniform(-1, 1);
    const y = rng.uniform(-1, 1);
    points.push([x, y]);
    labels.push(x * x + y * y < RADIUS * RADIUS ? 1 : 0);
  }
  return { points, labels };
}

async function main() {
  await tf.setBackend('wasm');

  const train = makePoints(800);
  const test = makePoints(400);
  const xTrain = tf.tensor2d(train.points, [800, 2]);
  const yTrain = tf.tensor2d(train.labels, [800, 1]);
  const xTest = tf.tensor2d(test.points, [400, 2]);
  const yTest = tf.tensor2d(test.labels, [400, 1]);

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
