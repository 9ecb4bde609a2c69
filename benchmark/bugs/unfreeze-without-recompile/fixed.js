'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(9154);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Transfer learning on a synthetic 10-reading table. Task A (plenty of data): 3 classes from
// linear scores of readings 0-4. A small feature extractor is pretrained on task A, then reused
// under a new head for task B (less data): a binary label that depends on readings 6 and 7.
// Usual recipe: train the new head with the extractor frozen, then unfreeze and fine-tune all.
const NUM_FEATURES = 10;

const scoreWeights = rng.array(3, () => rng.array(5, () => rng.normal(0, 1)));

function makeTaskA(n) {
  const xs = [];
  const ys = [];
  for (let i = 0; i < n; i++) {
    const row = rng.array(NUM_FEATURES, () => rng.normal(0, 1));
    const scores = scoreWeights.map((w) => w.reduce((s, wj, j) => s + wj * row[j], 0));
    const c = scores.indexOf(Math.max(...scores));
    xs.push(row);
    ys.push([0, 1, 2].map((k) => (k === c ? 1 : 0)));
  }
  return { xs, ys };
}

function makeTaskB(n) {
  const xs = [];
  const ys = [];
  for (let i = 0; i < n; i++) {
    const row = rng.array(NUM_FEATURES, () => rng.normal(0, 1));
    xs.push(row);
    ys.push([row[6] * row[7] > 0 ? 1 : 0]);
  }
  return { xs, ys };
}

async function main() {
  await tf.setBackend('wasm');

  // pretraining on task A
  const a = makeTaskA(2000);
  const xA = tf.tensor2d(a.xs, [2000, NUM_FEATURES]);
  const yA = tf.tensor2d(a.ys, [2000, 3]);

  const base = tf.sequential();
  base.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [NUM_FEATURES] }));
  base.add(tf.layers.dense({ units: 8, activation: 'relu' }));

  const modelA = tf.sequential();
  modelA.add(base);
  modelA.add(tf.layers.dense({ units: 3, activation: 'softmax' }));
  modelA.compile({ optimizer: tf.train.adam(0.01), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });
  const histA = await modelA.fit(xA, yA, { epochs: 10, batchSize: 64, shuffle: true, verbose: 0 });

  // task B: new head on top of the pretrained extractor
  const train = makeTaskB(1000);
  const test = makeTaskB(500);
  const xTrain = tf.tensor2d(train.xs, [1000, NUM_FEATURES]);
  const yTrain = tf.tensor2d(train.ys, [1000, 1]);
  const xTest = tf.tensor2d(test.xs, [500, NUM_FEATURES]);
  const yTest = tf.tensor2d(test.ys, [500, 1]);

  const input = tf.input({ shape: [NUM_FEATURES] });
  const features = base.apply(input);
  const hidden = tf.layers.dense({ units: 16, activation: 'relu' }).apply(features);
  const output = tf.layers.dense({ units: 1, activation: 'sigmoid' }).apply(hidden);
  const model = tf.model({ inputs: input, outputs: output });

  // stage 1: extractor frozen, train only the new head
  base.trainable = false;
  model.compile({ optimizer: tf.train.adam(0.01), loss: 'binaryCrossentropy', metrics: ['accuracy'] });
  const head = await model.fit(xTrain, yTrain, { epochs: 10, batchSize: 32, shuffle: true, verbose: 0 });

  // stage 2: unfreeze the extractor and fine-tune everything
  base.trainable = true;
  model.compile({ optimizer: tf.train.adam(0.01), loss: 'binaryCrossentropy', metrics: ['accuracy'] });
  const fine = await model.fit(xTrain, yTrain, { epochs: 30, batchSize: 32, shuffle: true, verbose: 0 });

  const [testLoss, testAcc] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  const hh = head.history;
  const fh = fine.history;
  const last = fh.loss.length - 1;
  console.log(`loss ${hh.loss[0].toFixed(3)} -> ${fh.loss[last].toFixed(3)} acc ${fh.acc[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)} | head stage ${hh.loss[0].toFixed(3)} -> ${hh.loss[9].toFixed(3)}, fine-tune ${fh.loss[0].toFixed(3)} -> ${fh.loss[last].toFixed(3)} | task A acc ${histA.history.acc[9].toFixed(3)}`);
}

main();
