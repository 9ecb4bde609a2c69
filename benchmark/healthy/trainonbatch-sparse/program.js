'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(7301);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Five classes of 10-feature points around random centres; integer class labels (sparse).
const CLASSES = 5;
const FEATURES = 10;
const centres = rng.array(CLASSES, () => rng.array(FEATURES, () => rng.normal(0, 1.5)));

function makeSet(n) {
  const rows = [];
  const labels = [];
  for (let i = 0; i < n; i++) {
    const label = rng.int(0, CLASSES);
    rows.push(centres[label].map((c) => c + rng.normal(0, 2)));
    labels.push(label);
  }
  return { rows, labels };
}

async function main() {
  await tf.setBackend('wasm');
  const train = makeSet(1200);
  const test = makeSet(400);
  const xTrain = tf.tensor2d(train.rows, [1200, FEATURES]);
  const yTrain = tf.tensor1d(train.labels, 'float32');
  const xTest = tf.tensor2d(test.rows, [400, FEATURES]);
  const yTest = tf.tensor1d(test.labels, 'float32');

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [FEATURES] }));
  model.add(tf.layers.dense({ units: 32, activation: 'relu' }));
  model.add(tf.layers.dense({ units: CLASSES, activation: 'softmax' }));
  model.compile({ optimizer: tf.train.adam(0.003), loss: 'sparseCategoricalCrossentropy', metrics: ['accuracy'] });

  // A hand-written loop over mini-batches with trainOnBatch, as in GAN-style or streaming code.
  const BATCH = 64;
  const losses = [];
  for (let epoch = 0; epoch < 8; epoch++) {
    const order = tf.util.createShuffledIndices(1200);
    let sum = 0;
    let batches = 0;
    for (let start = 0; start + BATCH <= 1200; start += BATCH) {
      const idx = tf.tensor1d(Int32Array.from(order.slice(start, start + BATCH)), 'int32');
      const xb = tf.gather(xTrain, idx);
      const yb = tf.gather(yTrain, idx);
      const [loss] = await model.trainOnBatch(xb, yb);
      tf.dispose([idx, xb, yb]);
      sum += loss;
      batches++;
    }
    losses.push(sum / batches);
  }
  const [testLoss, testAcc] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  console.log(`loss ${losses[0].toFixed(3)} -> ${losses[losses.length - 1].toFixed(3)} | held-out loss ${testLoss.toFixed(3)} accuracy ${testAcc.toFixed(3)}`);
}

main();
