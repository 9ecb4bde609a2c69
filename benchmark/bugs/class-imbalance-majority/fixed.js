'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(9403);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Fraud-style binary classifier: 12 standardized transaction features, about 5% positives.
// Positive rows are shifted along a few of the features; sigmoid output, binary cross-entropy.
const NUM_FEATURES = 12;
const N_TRAIN = 3000;
const N_TEST = 2000;
const POS_RATE = 0.05;

const shift = rng.array(NUM_FEATURES, (j) => (j < 4 ? 0.7 : 0));

function makeData(n) {
  const xs = [];
  const ys = [];
  for (let i = 0; i < n; i++) {
    const label = rng.random() < POS_RATE ? 1 : 0;
    xs.push(rng.array(NUM_FEATURES, (j) => rng.normal(label * shift[j], 1)));
    ys.push([label]);
  }
  return { xs, ys };
}

function report(model, x, y) {
  return tf.tidy(() => {
    const pred = model.predict(x).greater(0.5).dataSync();
    const truth = y.dataSync();
    let tp = 0, fn = 0, tn = 0, fp = 0;
    for (let i = 0; i < truth.length; i++) {
      if (truth[i] === 1) pred[i] ? tp++ : fn++;
      else pred[i] ? fp++ : tn++;
    }
    const acc = (tp + tn) / truth.length;
    const recall = tp / (tp + fn);
    const specificity = tn / (tn + fp);
    return { acc, recall, balanced: (recall + specificity) / 2 };
  });
}

async function main() {
  await tf.setBackend('wasm');

  const train = makeData(N_TRAIN);
  const test = makeData(N_TEST);
  const xTrain = tf.tensor2d(train.xs, [N_TRAIN, NUM_FEATURES]);
  const yTrain = tf.tensor2d(train.ys, [N_TRAIN, 1]);
  const xTest = tf.tensor2d(test.xs, [N_TEST, NUM_FEATURES]);
  const yTest = tf.tensor2d(test.ys, [N_TEST, 1]);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 16, activation: 'relu', inputShape: [NUM_FEATURES] }));
  model.add(tf.layers.dense({ units: 8, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 1, activation: 'sigmoid' }));
  model.compile({ optimizer: tf.train.adam(0.001), loss: 'binaryCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(xTrain, yTrain, { epochs: 15, batchSize: 32, shuffle: true, verbose: 0, classWeight: { 0: 1, 1: 19 } });

  const h = history.history;
  const last = h.loss.length - 1;
  const tr = report(model, xTrain, yTrain);
  const te = report(model, xTest, yTest);
  const testLoss = model.evaluate(xTest, yTest)[0].dataSync()[0];
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} recall ${tr.recall.toFixed(3)} balanced ${tr.balanced.toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${te.acc.toFixed(3)} recall ${te.recall.toFixed(3)} balanced ${te.balanced.toFixed(3)}`);
}

main();
