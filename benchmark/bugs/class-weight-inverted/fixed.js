'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(4410);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Fraud-style binary classifier on 10 standardized transaction features: about 10% of the rows
// are positives, whose features are shifted along a hidden direction. Because positives are rare,
// the loss is reweighted per class with classWeight computed from the label counts.
const NUM_FEATURES = 10;
const N_TRAIN = 2000;
const N_TEST = 1000;
const POS_RATE = 0.1;

const shift = rng.array(NUM_FEATURES, () => rng.normal(0, 1));
const norm = Math.sqrt(shift.reduce((s, v) => s + v * v, 0));

function makeData(n) {
  const xs = [];
  const ys = [];
  for (let i = 0; i < n; i++) {
    const pos = rng.random() < POS_RATE;
    xs.push(shift.map((d) => rng.normal(0, 1) + (pos ? (1.8 * d) / norm : 0)));
    ys.push([pos ? 1 : 0]);
  }
  return { xs, ys };
}

function report(model, x, yRows) {
  const pred = model.predict(x).dataSync();
  let tp = 0;
  let pos = 0;
  let correct = 0;
  yRows.forEach(([y], i) => {
    const p = pred[i] > 0.5 ? 1 : 0;
    if (y === 1) pos++;
    if (y === 1 && p === 1) tp++;
    if (p === y) correct++;
  });
  return { recall: tp / pos, acc: correct / yRows.length };
}

async function main() {
  await tf.setBackend('wasm');

  const train = makeData(N_TRAIN);
  const test = makeData(N_TEST);
  const xTrain = tf.tensor2d(train.xs, [N_TRAIN, NUM_FEATURES]);
  const yTrain = tf.tensor2d(train.ys, [N_TRAIN, 1]);
  const xTest = tf.tensor2d(test.xs, [N_TEST, NUM_FEATURES]);
  const yTest = tf.tensor2d(test.ys, [N_TEST, 1]);

  const nPos = train.ys.filter(([y]) => y === 1).length;
  const nNeg = N_TRAIN - nPos;
  const ratio = nNeg / nPos;
  const classWeight = { 0: 1, 1: ratio };

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 16, activation: 'relu', inputShape: [NUM_FEATURES] }));
  model.add(tf.layers.dense({ units: 1, activation: 'sigmoid' }));
  model.compile({ optimizer: tf.train.adam(0.01), loss: 'binaryCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(xTrain, yTrain, { epochs: 20, batchSize: 64, shuffle: true, classWeight, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testAcc] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  const tr = report(model, xTrain, train.ys);
  const te = report(model, xTest, test.ys);
  console.log(`positives ${nPos}/${N_TRAIN} | loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${tr.acc.toFixed(3)} recall ${tr.recall.toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)} test recall ${te.recall.toFixed(3)}`);
}

main();
