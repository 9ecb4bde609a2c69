'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(2719);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Wine cultivar classifier: 7 standardized chemical measurements per sample and an integer
// cultivar id (0, 1, 2). Ids are one-hot encoded with tf.oneHot, softmax output sized to the
// number of classes, categorical cross-entropy.
const NUM_FEATURES = 7;

const profiles = rng.array(3, () => rng.array(NUM_FEATURES, () => rng.normal(0, 1.6)));

function makeWines(n) {
  const xs = [];
  const labels = [];
  for (let i = 0; i < n; i++) {
    const c = rng.int(0, 3);
    xs.push(profiles[c].map((m) => m + rng.normal(0, 1)));
    labels.push(c);
  }
  return { xs, labels };
}

async function main() {
  await tf.setBackend('wasm');

  const train = makeWines(900);
  const test = makeWines(300);
  const numClasses = Math.max(...train.labels) + 1;

  const xTrain = tf.tensor2d(train.xs, [900, NUM_FEATURES]);
  const yTrain = tf.oneHot(tf.tensor1d(train.labels, 'int32'), numClasses).toFloat();
  const xTest = tf.tensor2d(test.xs, [300, NUM_FEATURES]);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 24, activation: 'relu', inputShape: [NUM_FEATURES] }));
  model.add(tf.layers.dense({ units: 24, activation: 'relu' }));
  model.add(tf.layers.dense({ units: numClasses, activation: 'softmax' }));
  model.compile({ optimizer: tf.train.adam(0.01), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(xTrain, yTrain, { epochs: 30, batchSize: 32, shuffle: true, verbose: 0 });

  // Accuracy against the original cultivar ids.
  const accuracy = (x, labels) => tf.tidy(() => {
    const predicted = model.predict(x).argMax(-1);
    return predicted.equal(tf.tensor1d(labels, 'int32')).mean().dataSync()[0];
  });
  const h = history.history;
  const last = h.loss.length - 1;
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} | train acc (ids) ${accuracy(xTrain, train.labels).toFixed(3)} test acc ${accuracy(xTest, test.labels).toFixed(3)}`);
}

main();
