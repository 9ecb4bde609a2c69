'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(5821);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Machine-health classifier: 10 standardized readings per machine (column 0 is operating
// hours), three states (ok / worn / failing) decided by a few interacting readings. The
// maintenance log is exported ordered by operating hours. Custom training loop over
// fixed-size mini-batches with optimizer.minimize.
const N_TRAIN = 1024;
const N_TEST = 400;
const N_FEATURES = 10;
const N_CLASSES = 3;
const batchSize = 32;
const EPOCHS = 25;

function makeLog(n) {
  const rows = [];
  for (let i = 0; i < n; i++) {
    const r = rng.array(N_FEATURES, () => rng.normal(0, 1));
    const wear = r[0] + 0.8 * r[1] * r[2] - 0.5 * r[3];
    const heat = r[4] * r[4] + r[5] - 1;
    let state = 0;
    if (wear > 0.6) state = 1;
    if (heat > 0.8 && wear > -0.4) state = 2;
    rows.push({ readings: r, state });
  }
  rows.sort((a, b) => a.readings[0] - b.readings[0]);
  return { xs: rows.map((row) => row.readings), ys: rows.map((row) => row.state) };
}

async function main() {
  await tf.setBackend('wasm');

  const train = makeLog(N_TRAIN);
  const test = makeLog(N_TEST);
  const xs = tf.tensor2d(train.xs, [N_TRAIN, N_FEATURES]);
  const ys = tf.oneHot(tf.tensor1d(train.ys, 'int32'), N_CLASSES).toFloat();
  const xTest = tf.tensor2d(test.xs, [N_TEST, N_FEATURES]);
  const yTest = tf.oneHot(tf.tensor1d(test.ys, 'int32'), N_CLASSES).toFloat();

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 64, activation: 'relu', inputShape: [N_FEATURES] }));
  model.add(tf.layers.dense({ units: 64, activation: 'relu' }));
  model.add(tf.layers.dense({ units: N_CLASSES, activation: 'softmax' }));

  const optimizer = tf.train.adam(0.003);
  const n = xs.shape[0];
  const numBatches = Math.floor(n / batchSize);
  const losses = [];

  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    let epochLoss = 0;
    let start = 0;
    for (let b = 0; b < numBatches; b++) {
      const batchX = xs.slice([start, 0], [batchSize, -1]);
      const batchY = ys.slice([start, 0], [batchSize, -1]);
      const cost = optimizer.minimize(() => tf.metrics.categoricalCrossentropy(batchY, model.apply(batchX, { training: true })).mean(), true);
      epochLoss += cost.dataSync()[0];
      tf.dispose([batchX, batchY, cost]);
      start++;
    }
    losses.push(epochLoss / numBatches);
  }

  const evaluate = (x, y) => tf.tidy(() => {
    const probs = model.predict(x);
    const loss = tf.metrics.categoricalCrossentropy(y, probs).mean().dataSync()[0];
    const acc = probs.argMax(-1).equal(y.argMax(-1)).mean().dataSync()[0];
    return [loss, acc];
  });
  const [trainLoss, trainAcc] = evaluate(xs, ys);
  const [testLoss, testAcc] = evaluate(xTest, yTest);
  console.log(`loss ${losses[0].toFixed(3)} -> ${losses[losses.length - 1].toFixed(3)} acc ${trainAcc.toFixed(3)} (full train loss ${trainLoss.toFixed(3)}) | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
