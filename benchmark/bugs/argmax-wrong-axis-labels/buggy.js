'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(8803);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Four-class classifier on 10 synthetic features (the class is whichever of four linear scores is
// largest). The training rows were labelled by three crowd annotators each, who pick the true class
// 80% of the time and a random one otherwise; we train on the majority vote. The held-out rows have
// a single expert label.
const N_TRAIN = 1000;
const N_TEST = 300;
const F = 10;
const C = 4;
const ANNOTATORS = 3;

const W = rng.array(C, () => rng.array(F, () => rng.normal(0, 1)));

function makeRows(n) {
  const x = [];
  const gold = [];
  const votes = [];
  for (let i = 0; i < n; i++) {
    const row = rng.array(F, () => rng.normal(0, 1));
    const scores = W.map((w) => w.reduce((s, wk, k) => s + wk * row[k], 0));
    const c = scores.indexOf(Math.max(...scores));
    x.push(row);
    gold.push(c);
    votes.push(rng.array(ANNOTATORS, () => (rng.random() < 0.8 ? c : rng.int(0, C))));
  }
  return { x, gold, votes };
}

async function main() {
  await tf.setBackend('wasm');
  const train = makeRows(N_TRAIN);
  const test = makeRows(N_TEST);

  // votes: [rows, annotators] -> one-hot [rows, annotators, classes] -> majority class per row
  const votes = tf.oneHot(tf.tensor2d(train.votes, [N_TRAIN, ANNOTATORS], 'int32'), C);
  const yTrain = votes.sum(-1).argMax(-1).cast('float32');
  const xTrain = tf.tensor2d(train.x, [N_TRAIN, F]);
  const xTest = tf.tensor2d(test.x, [N_TEST, F]);
  const yTest = tf.tensor1d(test.gold, 'float32');

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [F] }));
  model.add(tf.layers.dense({ units: 32, activation: 'relu' }));
  model.add(tf.layers.dense({ units: C, activation: 'softmax' }));
  model.compile({ optimizer: tf.train.adam(0.005), loss: 'sparseCategoricalCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(xTrain, yTrain, { epochs: 25, batchSize: 32, shuffle: true, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testAcc] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
