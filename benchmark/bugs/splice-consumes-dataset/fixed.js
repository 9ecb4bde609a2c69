'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(7745);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Fault triage for a pump fleet: 10 standardized vibration/temperature/pressure readings per
// inspection, classified as cavitation / healthy / bearing wear. A small MLP trained with a
// hand-written loop: shuffle the rows each epoch, cut them into mini-batches, one SGD step each.
const CLASSES = ['cavitation', 'healthy', 'bearing-wear'];
const NUM_FEATURES = 10;
const N_TRAIN = 900;
const N_TEST = 400;
const EPOCHS = 40;
const BATCH_SIZE = 32;
const LEARNING_RATE = 0.05;

function makeInspections(n) {
  const rows = [];
  for (let i = 0; i < n; i++) {
    const f = rng.array(NUM_FEATURES, () => rng.normal(0, 1));
    const scores = [0.2 - 0.6 * Math.abs(f[0]) - 0.4 * f[1] * f[1], f[0] + 0.6 * f[2] - 0.5 * f[3], f[1] * f[4] + 0.5 * f[5] - 0.4 * f[0]];
    rows.push({ features: f, label: scores.indexOf(Math.max(...scores)) });
  }
  return rows;
}

function makeBatches(rows, size) {
  const batches = [];
  for (let i = 0; i < rows.length; i += size) batches.push(rows.slice(i, i + size));
  return batches;
}

function toTensors(rows) {
  const x = tf.tensor2d(rows.map((r) => r.features), [rows.length, NUM_FEATURES]);
  const y = tf.oneHot(tf.tensor1d(rows.map((r) => r.label), 'int32'), CLASSES.length).toFloat();
  return { x, y };
}

async function main() {
  await tf.setBackend('wasm');

  const trainRows = makeInspections(N_TRAIN);
  const testRows = makeInspections(N_TEST);
  const train = toTensors(trainRows);
  const test = toTensors(testRows);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [NUM_FEATURES] }));
  model.add(tf.layers.dense({ units: 32, activation: 'relu' }));
  model.add(tf.layers.dense({ units: CLASSES.length, activation: 'softmax' }));

  const optimizer = tf.train.sgd(LEARNING_RATE);
  const lossFn = (x, y) => tf.metrics.categoricalCrossentropy(y, model.apply(x, { training: true })).mean();

  const evaluate = ({ x, y }) =>
    tf.tidy(() => {
      const probs = model.predict(x);
      const loss = tf.metrics.categoricalCrossentropy(y, probs).mean().dataSync()[0];
      const acc = probs.argMax(-1).equal(y.argMax(-1)).mean().dataSync()[0];
      return [loss, acc];
    });

  const epochLosses = [];
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    tf.util.shuffle(trainRows);
    for (const batch of makeBatches(trainRows, BATCH_SIZE)) {
      const { x, y } = toTensors(batch);
      tf.tidy(() => optimizer.minimize(() => lossFn(x, y)));
      tf.dispose([x, y]);
    }
    epochLosses.push(evaluate(train)[0]);
  }

  const [trainLoss, trainAcc] = evaluate(train);
  const [testLoss, testAcc] = evaluate(test);
  console.log(`loss ${epochLosses[0].toFixed(3)} -> ${epochLosses[EPOCHS - 1].toFixed(3)} acc ${trainAcc.toFixed(3)} (train loss ${trainLoss.toFixed(3)}) | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
