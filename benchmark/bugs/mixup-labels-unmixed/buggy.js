'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(2718);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Ten-class classifier on 12 spectral features (one Gaussian cloud per material). Only 200
// labelled rows, so the training set is expanded with mixup: four rounds of blending every row
// with a random partner using a random weight lam, 800 mixed rows in total.
const NUM_CLASSES = 10;
const NUM_FEATURES = 12;
const N_TRAIN = 200;
const N_TEST = 600;
const MIXUP_ROUNDS = 4;

const centres = rng.array(NUM_CLASSES, () => rng.array(NUM_FEATURES, () => rng.normal(0, 1)));

function makeData(n) {
  const xs = [];
  const ys = [];
  for (let i = 0; i < n; i++) {
    const c = rng.int(0, NUM_CLASSES);
    xs.push(centres[c].map((m) => m + rng.normal(0, 0.7)));
    ys.push(rng.array(NUM_CLASSES, (k) => (k === c ? 1 : 0)));
  }
  return { xs, ys };
}

function mixup(xs, ys) {
  const partner = tf.util.createShuffledIndices(xs.length);
  const mixedX = [];
  const mixedY = [];
  for (let i = 0; i < xs.length; i++) {
    const j = partner[i];
    const lam = rng.random();
    mixedX.push(xs[i].map((v, k) => lam * v + (1 - lam) * xs[j][k]));
    mixedY.push(ys[i]);
  }
  return { mixedX, mixedY };
}

async function main() {
  await tf.setBackend('wasm');
  const train = makeData(N_TRAIN);
  const test = makeData(N_TEST);

  const augX = [];
  const augY = [];
  for (let r = 0; r < MIXUP_ROUNDS; r++) {
    const { mixedX, mixedY } = mixup(train.xs, train.ys);
    augX.push(...mixedX);
    augY.push(...mixedY);
  }
  const xAug = tf.tensor2d(augX, [augX.length, NUM_FEATURES]);
  const yAug = tf.tensor2d(augY, [augY.length, NUM_CLASSES]);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 64, activation: 'relu', inputShape: [NUM_FEATURES] }));
  model.add(tf.layers.dense({ units: 64, activation: 'relu' }));
  model.add(tf.layers.dense({ units: NUM_CLASSES, activation: 'softmax' }));
  model.compile({ optimizer: tf.train.adam(0.003), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(xAug, yAug, { epochs: 60, batchSize: 32, shuffle: true, verbose: 0 });

  const losses = history.history.loss;
  const xTrain = tf.tensor2d(train.xs, [N_TRAIN, NUM_FEATURES]);
  const yTrain = tf.tensor2d(train.ys, [N_TRAIN, NUM_CLASSES]);
  const xTest = tf.tensor2d(test.xs, [N_TEST, NUM_FEATURES]);
  const yTest = tf.tensor2d(test.ys, [N_TEST, NUM_CLASSES]);
  const [, trainAcc] = model.evaluate(xTrain, yTrain).map((t) => t.dataSync()[0]);
  const [testLoss, testAcc] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  console.log(`loss ${losses[0].toFixed(3)} -> ${losses[losses.length - 1].toFixed(3)} train acc ${trainAcc.toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
