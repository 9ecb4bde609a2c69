'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(7909);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Twenty-class classification of Gaussian clusters in 10 dimensions, integer class ids as labels
// (sparse categorical cross-entropy), trained with RMSprop at its usual default rate.
const NUM_FEATURES = 10;
const NUM_CLASSES = 20;
const CENTERS = [];
for (let c = 0; c < NUM_CLASSES; c++) CENTERS.push(rng.array(NUM_FEATURES, () => rng.normal(0, 1.5)));

function makeSet(perClass) {
  const rows = [];
  for (let label = 0; label < NUM_CLASSES; label++) {
    for (let i = 0; i < perClass; i++) {
      rows.push({ features: CENTERS[label].map((m) => m + rng.normal(0, 1)), label });
    }
  }
  tf.util.shuffle(rows);
  return { xs: rows.map((r) => r.features), labels: rows.map((r) => r.label) };
}

async function main() {
  await tf.setBackend('wasm');
  const train = makeSet(100);
  const test = makeSet(50);
  const xTrain = tf.tensor2d(train.xs, [train.xs.length, NUM_FEATURES]);
  const yTrain = tf.tensor2d(train.labels, [train.labels.length, 1]);
  const xTest = tf.tensor2d(test.xs, [test.xs.length, NUM_FEATURES]);
  const yTest = tf.tensor2d(test.labels, [test.labels.length, 1]);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 64, activation: 'relu', inputShape: [NUM_FEATURES] }));
  model.add(tf.layers.dense({ units: 64, activation: 'relu' }));
  model.add(tf.layers.dense({ units: NUM_CLASSES, activation: 'softmax' }));

  const optimizer = tf.train.rmsprop(0.001);
  model.compile({ optimizer, loss: 'sparseCategoricalCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(xTrain, yTrain, { epochs: 40, batchSize: 64, verbose: 0 });

  const losses = history.history.loss;
  const accs = history.history.acc;
  const [testLoss, testAcc] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  const predicted = model.predict(xTest).argMax(-1).dataSync();
  const correct = test.labels.filter((label, i) => predicted[i] === label).length;
  console.log(`loss ${losses[0].toFixed(3)} -> ${losses[losses.length - 1].toFixed(3)} | train acc ${accs[0].toFixed(3)} -> ${accs[accs.length - 1].toFixed(3)} | held-out loss ${testLoss.toFixed(3)} accuracy ${testAcc.toFixed(3)} (argmax ${correct}/${test.labels.length}) after ${losses.length} epochs`);
}

main();
