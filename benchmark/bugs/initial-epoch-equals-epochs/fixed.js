'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(9157);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Four-class classifier on 10 sensor readings. Training runs in chunks of a few epochs so the
// test accuracy can be checked (and a checkpoint taken) between chunks; each chunk resumes
// from the epoch where the previous one stopped.
const NUM_FEATURES = 10;
const NUM_CLASSES = 4;
const N_TRAIN = 800;
const N_TEST = 400;
const TOTAL_EPOCHS = 30;
const EPOCHS_PER_CHUNK = 2;

// Fixed random directions define the class: argmax of four scores, each a projection plus
// an interaction between two of the readings.
const proj = rng.array(NUM_CLASSES, () => rng.array(NUM_FEATURES, () => rng.normal(0, 1)));

function makeData(n) {
  const xs = [];
  const ys = [];
  for (let i = 0; i < n; i++) {
    const x = rng.array(NUM_FEATURES, () => rng.normal(0, 1));
    const scores = proj.map((p, k) => p.reduce((s, w, j) => s + w * x[j], 0) + x[k] * x[k + 4]);
    const c = scores.indexOf(Math.max(...scores));
    xs.push(x);
    ys.push(c);
  }
  return { xs, ys };
}

async function main() {
  await tf.setBackend('wasm');

  const train = makeData(N_TRAIN);
  const test = makeData(N_TEST);
  const xTrain = tf.tensor2d(train.xs, [N_TRAIN, NUM_FEATURES]);
  const yTrain = tf.oneHot(tf.tensor1d(train.ys, 'int32'), NUM_CLASSES).toFloat();
  const xTest = tf.tensor2d(test.xs, [N_TEST, NUM_FEATURES]);
  const yTest = tf.oneHot(tf.tensor1d(test.ys, 'int32'), NUM_CLASSES).toFloat();

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [NUM_FEATURES] }));
  model.add(tf.layers.dense({ units: 32, activation: 'relu' }));
  model.add(tf.layers.dense({ units: NUM_CLASSES, activation: 'softmax' }));
  model.compile({ optimizer: tf.train.sgd(0.03), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });

  const losses = [];
  const accs = [];
  const logEpoch = { onEpochEnd: async (epoch, logs) => { losses.push(logs.loss); accs.push(logs.acc); } };

  let epochsDone = 0;
  const checkpoints = [];
  while (epochsDone < TOTAL_EPOCHS) {
    await model.fit(xTrain, yTrain, {
      epochs: epochsDone + EPOCHS_PER_CHUNK,
      initialEpoch: epochsDone,
      batchSize: 32,
      shuffle: true,
      callbacks: [logEpoch],
      verbose: 0,
    });
    epochsDone += EPOCHS_PER_CHUNK;
    const [, chunkAcc] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
    checkpoints.push({ epoch: epochsDone, testAcc: chunkAcc });
  }

  const [testLoss, testAcc] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  const last = losses.length - 1;
  console.log(`loss ${losses[0].toFixed(3)} -> ${losses[last].toFixed(3)} acc ${accs[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)} (checkpoints: ${checkpoints.length})`);
}

main();
