'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(6203);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Wafer test: predict whether a die fails its electrical test from its position on the wafer
// (x, y in wafer radii, centre at 0). Failures come from a slightly off-centre edge ring, so the
// classifier is a logistic regression on quadratic features of the position, which lets its
// decision boundary be an ellipse.
const N_TRAIN = 1500;
const N_TEST = 500;
const RING_CENTRE = [0.08, -0.05];
const RING_RADIUS = 0.72;
const LABEL_NOISE = 0.04;

function quadraticFeatures(x, y) {
  return [x, y, x ^ 2, y ^ 2, x * y];
}

function probeDies(n) {
  const xs = [];
  const ys = [];
  for (let i = 0; i < n; i++) {
    const r = Math.sqrt(rng.random());
    const phi = 2 * Math.PI * rng.random();
    const x = r * Math.cos(phi);
    const y = r * Math.sin(phi);
    const dx = x - RING_CENTRE[0];
    const dy = y - RING_CENTRE[1];
    let fails = dx * dx + dy * dy > RING_RADIUS * RING_RADIUS ? 1 : 0;
    if (rng.random() < LABEL_NOISE) fails = 1 - fails;
    xs.push(quadraticFeatures(x, y));
    ys.push([fails]);
  }
  return { xs, ys };
}

async function main() {
  await tf.setBackend('wasm');

  const train = probeDies(N_TRAIN);
  const test = probeDies(N_TEST);
  const xTrain = tf.tensor2d(train.xs);
  const yTrain = tf.tensor2d(train.ys);
  const xTest = tf.tensor2d(test.xs);
  const yTest = tf.tensor2d(test.ys);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 1, activation: 'sigmoid', inputShape: [5] }));
  model.compile({ optimizer: tf.train.adam(0.05), loss: 'binaryCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(xTrain, yTrain, { epochs: 40, batchSize: 32, shuffle: true, verbose: 0 });
  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testAcc] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
