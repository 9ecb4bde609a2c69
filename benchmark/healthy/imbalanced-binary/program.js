'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(6481);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Tabular screening data: 8 standardized features, about 10 % positives. A record is positive
// when a noisy risk score (a linear part plus one interaction) exceeds its 90th percentile.
const FEATURES = 8;
const WEIGHTS = [1.2, -0.9, 0.8, 0.6, -0.5, 0, 0, 0];
const THRESHOLD = 2.6;

function makeSet(n) {
  const rows = [];
  const labels = [];
  for (let i = 0; i < n; i++) {
    const row = rng.array(FEATURES, () => rng.normal(0, 1));
    let score = 0.7 * row[5] * row[6] + rng.normal(0, 0.3);
    for (let j = 0; j < FEATURES; j++) score += WEIGHTS[j] * row[j];
    rows.push(row);
    labels.push([score > THRESHOLD ? 1 : 0]);
  }
  return { rows, labels };
}

async function main() {
  await tf.setBackend('wasm');
  const train = makeSet(4000);
  const test = makeSet(1000);
  const xTrain = tf.tensor2d(train.rows, [4000, FEATURES]);
  const yTrain = tf.tensor2d(train.labels, [4000, 1]);
  const xTest = tf.tensor2d(test.rows, [1000, FEATURES]);
  const yTest = tf.tensor2d(test.labels, [1000, 1]);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 16, activation: 'relu', inputShape: [FEATURES] }));
  model.add(tf.layers.dense({ units: 8, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 1, activation: 'sigmoid' }));
  model.compile({ optimizer: tf.train.adam(0.005), loss: 'binaryCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(xTrain, yTrain, { epochs: 30, batchSize: 64, validationSplit: 0.1, verbose: 0 });
  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testAcc] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  // Accuracy alone flatters a 90/10 problem, so also report recall and precision on the minority class.
  const predicted = model.predict(xTest).greater(0.5).cast('float32');
  const tp = predicted.mul(yTest).sum().dataSync()[0];
  const positives = yTest.sum().dataSync()[0];
  const flagged = predicted.sum().dataSync()[0];
  const positiveRate = yTrain.mean().dataSync()[0];
  console.log(`positives ${(100 * positiveRate).toFixed(1)}% | loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[0].toFixed(3)} -> ${h.acc[last].toFixed(3)} | held-out loss ${testLoss.toFixed(3)} accuracy ${testAcc.toFixed(3)} recall ${(tp / positives).toFixed(3)} precision ${(tp / Math.max(flagged, 1)).toFixed(3)}`);
}

main();
