'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(5821);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Four-class classifier on 10 standardized features: the class is the quadrant of two linear
// projections of the features, plus a little label noise. Plain SGD, and a small callback that
// decays the learning rate at the end of every epoch.
const NUM_FEATURES = 10;
const NUM_CLASSES = 4;
const N_TRAIN = 1200;
const N_TEST = 400;

const w1 = rng.array(NUM_FEATURES, () => rng.normal(0, 1));
const w2 = rng.array(NUM_FEATURES, () => rng.normal(0, 1));

function makeData(n) {
  const xs = [];
  const ys = [];
  for (let i = 0; i < n; i++) {
    const row = rng.array(NUM_FEATURES, () => rng.normal(0, 1));
    const a = row.reduce((s, v, j) => s + v * w1[j], 0);
    const b = row.reduce((s, v, j) => s + v * w2[j], 0);
    let c = (a > 0 ? 1 : 0) + (b > 0 ? 2 : 0);
    if (rng.random() < 0.03) c = rng.int(0, NUM_CLASSES);
    xs.push(row);
    ys.push([0, 1, 2, 3].map((k) => (k === c ? 1 : 0)));
  }
  return { xs, ys };
}

async function main() {
  await tf.setBackend('wasm');

  const train = makeData(N_TRAIN);
  const test = makeData(N_TEST);
  const xTrain = tf.tensor2d(train.xs, [N_TRAIN, NUM_FEATURES]);
  const yTrain = tf.tensor2d(train.ys, [N_TRAIN, NUM_CLASSES]);
  const xTest = tf.tensor2d(test.xs, [N_TEST, NUM_FEATURES]);
  const yTest = tf.tensor2d(test.ys, [N_TEST, NUM_CLASSES]);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [NUM_FEATURES] }));
  model.add(tf.layers.dense({ units: 32, activation: 'relu' }));
  model.add(tf.layers.dense({ units: NUM_CLASSES, activation: 'softmax' }));

  const optimizer = tf.train.sgd(0.1);
  model.compile({ optimizer, loss: 'categoricalCrossentropy', metrics: ['accuracy'] });

  // learning rate schedule, updated at the end of every epoch
  const lrSchedule = {
    onEpochEnd: async (epoch, logs) => {
      optimizer.setLearningRate(optimizer.learningRate * 1.5);
    },
  };

  const history = await model.fit(xTrain, yTrain, {
    epochs: 30,
    batchSize: 32,
    shuffle: true,
    verbose: 0,
    callbacks: [lrSchedule],
  });

  const h = history.history;
  const last = h.loss.length - 1;
  const best = h.loss.reduce((m, v, i) => (v < h.loss[m] ? i : m), 0);
  const [testLoss, testAcc] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[best].toFixed(3)} (epoch ${best + 1}) -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} | lr ${optimizer.learningRate.toPrecision(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
