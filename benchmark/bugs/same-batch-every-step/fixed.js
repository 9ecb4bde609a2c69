'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(4417);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Six-class classifier on 16 standardized sensor features; the class is whichever of six
// fixed (unknown) linear scores is largest. Mini-batches are cut from the training tensors by
// hand and fed to optimizer.minimize; the last 400 generated rows are the test set.
const N_FEATURES = 16;
const N_CLASSES = 6;
const N_TRAIN = 1536;
const N_TEST = 400;
const BATCH = 32;
const EPOCHS = 15;

const scoreWeights = rng.array(N_CLASSES, () => rng.array(N_FEATURES, () => rng.normal(0, 1)));

function makeRows(n) {
  const x = [];
  const y = [];
  for (let r = 0; r < n; r++) {
    const row = rng.array(N_FEATURES, () => rng.normal(0, 1));
    const scores = scoreWeights.map((w) => w.reduce((s, wk, k) => s + wk * row[k], 0));
    const c = scores.indexOf(Math.max(...scores));
    x.push(row);
    y.push(scores.map((_, k) => (k === c ? 1 : 0)));
  }
  return { x, y };
}

async function main() {
  await tf.setBackend('wasm');
  const rows = makeRows(N_TRAIN + N_TEST);
  const xAll = tf.tensor2d(rows.x, [N_TRAIN + N_TEST, N_FEATURES]);
  const yAll = tf.tensor2d(rows.y, [N_TRAIN + N_TEST, N_CLASSES]);
  const xTrain = xAll.slice([0, 0], [N_TRAIN, N_FEATURES]);
  const yTrain = yAll.slice([0, 0], [N_TRAIN, N_CLASSES]);
  const xTest = xAll.slice([N_TRAIN, 0], [N_TEST, N_FEATURES]);
  const yTest = yAll.slice([N_TRAIN, 0], [N_TEST, N_CLASSES]);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 64, activation: 'relu', inputShape: [N_FEATURES] }));
  model.add(tf.layers.dense({ units: 64, activation: 'relu' }));
  model.add(tf.layers.dense({ units: N_CLASSES, activation: 'softmax' }));

  const optimizer = tf.train.adam(0.005);
  const numBatches = N_TRAIN / BATCH;
  const losses = [];
  for (let i = 0; i < EPOCHS; i++) {
    let epochLoss = 0;
    for (let j = 0; j < numBatches; j++) {
      const cost = tf.tidy(() => {
        const xb = xTrain.slice([j * BATCH, 0], [BATCH, N_FEATURES]);
        const yb = yTrain.slice([j * BATCH, 0], [BATCH, N_CLASSES]);
        return optimizer.minimize(() => tf.metrics.categoricalCrossentropy(yb, model.predict(xb)).mean(), true);
      });
      epochLoss += cost.dataSync()[0] / numBatches;
      cost.dispose();
    }
    losses.push(epochLoss);
  }

  const evaluate = (x, y) => tf.tidy(() => {
    const p = model.predict(x);
    return [tf.metrics.categoricalCrossentropy(y, p).mean().dataSync()[0], p.argMax(-1).equal(y.argMax(-1)).mean().dataSync()[0]];
  });
  const [trainLoss, trainAcc] = evaluate(xTrain, yTrain);
  const [testLoss, testAcc] = evaluate(xTest, yTest);
  console.log(`loss ${losses[0].toFixed(3)} -> ${losses[losses.length - 1].toFixed(3)} acc ${trainAcc.toFixed(3)} (train loss ${trainLoss.toFixed(3)}) | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
