'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(6101);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// SVM-style binary classification: labels in {-1, +1}, a tanh output and the hinge loss.
// Six standardized features; the class is whether a point lies outside a ring in the (x0, x1)
// plane, shifted by x2, with some label noise near the boundary. x3..x5 are distractors.
const FEATURES = 6;

function makeSet(n) {
  const rows = [];
  const labels = [];
  for (let i = 0; i < n; i++) {
    const x = rng.array(FEATURES, () => rng.normal(0, 1));
    const score = x[0] * x[0] + x[1] * x[1] - 1.4 + 0.5 * x[2] + rng.normal(0, 0.2);
    rows.push(x);
    labels.push(score > 0 ? 1 : -1);
  }
  return { rows, labels };
}

async function main() {
  await tf.setBackend('wasm');
  const NTRAIN = 1000;
  const NTEST = 500;
  const train = makeSet(NTRAIN);
  const test = makeSet(NTEST);
  const xTrain = tf.tensor2d(train.rows, [NTRAIN, FEATURES]);
  const yTrain = tf.tensor2d(train.labels, [NTRAIN, 1]);
  const xTest = tf.tensor2d(test.rows, [NTEST, FEATURES]);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 16, activation: 'relu', inputShape: [FEATURES] }));
  model.add(tf.layers.dense({ units: 1, activation: 'tanh' }));

  model.compile({ optimizer: tf.train.adam(0.01), loss: 'hinge' });

  const history = await model.fit(xTrain, yTrain, { epochs: 40, batchSize: 32, verbose: 0 });

  const losses = history.history.loss;
  const scores = model.predict(xTest).dataSync();
  let correct = 0;
  for (let i = 0; i < NTEST; i++) if ((scores[i] >= 0 ? 1 : -1) === test.labels[i]) correct++;
  const positives = train.labels.filter((l) => l === 1).length / NTRAIN;
  console.log(`train +1 share ${positives.toFixed(3)} | hinge loss ${losses[0].toFixed(3)} -> ${losses[losses.length - 1].toFixed(3)} | held-out sign accuracy ${(correct / NTEST).toFixed(3)} (${correct}/${NTEST}) after ${losses.length} epochs`);
}

main();
