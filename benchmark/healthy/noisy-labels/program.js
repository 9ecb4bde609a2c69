'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(7639);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Two-class tabular data (10 standardized features, a curved decision boundary). The training
// labels come from a noisy annotation process that flips 20 % of them at random; the held-out
// labels were checked and are clean. The training loss cannot go below the noise floor.
const FEATURES = 10;
const FLIP_RATE = 0.2;

function cleanLabel(row) {
  return 1.5 * row[0] - row[1] + 0.8 * row[2] + 0.6 * (row[3] * row[3] - 1) > 0 ? 1 : 0;
}

function makeSet(n, flipRate) {
  const rows = [];
  const labels = [];
  for (let i = 0; i < n; i++) {
    const row = rng.array(FEATURES, () => rng.normal(0, 1));
    const y = cleanLabel(row);
    rows.push(row);
    labels.push([rng.random() < flipRate ? 1 - y : y]);
  }
  return { rows, labels };
}

async function main() {
  await tf.setBackend('wasm');
  const train = makeSet(5000, FLIP_RATE);
  const test = makeSet(1000, 0);
  const xTrain = tf.tensor2d(train.rows, [5000, FEATURES]);
  const yTrain = tf.tensor2d(train.labels, [5000, 1]);
  const xTest = tf.tensor2d(test.rows, [1000, FEATURES]);
  const yTest = tf.tensor2d(test.labels, [1000, 1]);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [FEATURES] }));
  model.add(tf.layers.dense({ units: 1, activation: 'sigmoid' }));
  model.compile({ optimizer: tf.train.adam(0.01), loss: 'binaryCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(xTrain, yTrain, { epochs: 15, batchSize: 32, verbose: 0 });
  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testAcc] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  // With 20 % symmetric flips the best achievable training BCE is the binary entropy of 0.2.
  const noiseFloor = -(FLIP_RATE * Math.log(FLIP_RATE) + (1 - FLIP_RATE) * Math.log(1 - FLIP_RATE));
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} (noise floor ${noiseFloor.toFixed(3)}) train acc ${h.acc[last].toFixed(3)} | clean held-out loss ${testLoss.toFixed(3)} accuracy ${testAcc.toFixed(3)}`);
}

main();
