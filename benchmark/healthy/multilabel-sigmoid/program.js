'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(8080);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Multi-label tagging: each example carries any number of 6 tags (multi-hot targets), so the
// output is one sigmoid per tag with binary cross-entropy, the standard multi-label setup.
const FEATURES = 12;
const TAGS = 6;
const tagDirections = rng.array(TAGS, () => rng.array(FEATURES, () => rng.normal(0, 1)));

function makeSet(n) {
  const rows = [];
  const tags = [];
  for (let i = 0; i < n; i++) {
    const row = rng.array(FEATURES, () => rng.normal(0, 1));
    rows.push(row);
    tags.push(tagDirections.map((d) => (d.reduce((s, w, j) => s + w * row[j], 0) + rng.normal(0, 0.5) > 1 ? 1 : 0)));
  }
  return { rows, tags };
}

async function main() {
  await tf.setBackend('wasm');
  const train = makeSet(1500);
  const test = makeSet(500);
  const xTrain = tf.tensor2d(train.rows, [1500, FEATURES]);
  const yTrain = tf.tensor2d(train.tags, [1500, TAGS]);
  const xTest = tf.tensor2d(test.rows, [500, FEATURES]);
  const yTest = tf.tensor2d(test.tags, [500, TAGS]);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [FEATURES] }));
  model.add(tf.layers.dense({ units: TAGS, activation: 'sigmoid' }));
  model.compile({ optimizer: tf.train.adam(0.01), loss: 'binaryCrossentropy', metrics: ['binaryAccuracy'] });

  const history = await model.fit(xTrain, yTrain, { epochs: 20, batchSize: 64, validationSplit: 0.1, verbose: 0 });
  const loss = history.history.loss;
  const predicted = model.predict(xTest).greater(0.5);
  const exact = predicted.equal(yTest.cast('bool')).all(1).cast('float32').mean().dataSync()[0];
  const tagAcc = predicted.equal(yTest.cast('bool')).cast('float32').mean().dataSync()[0];
  const meanTags = yTest.sum(1).mean().dataSync()[0];
  console.log(`loss ${loss[0].toFixed(3)} -> ${loss[loss.length - 1].toFixed(3)} | held-out per-tag accuracy ${tagAcc.toFixed(3)}, all tags right ${exact.toFixed(3)} (mean ${meanTags.toFixed(2)} tags per example)`);
}

main();
