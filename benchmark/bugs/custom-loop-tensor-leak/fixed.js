'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(4417);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Custom training loop (optimizer.minimize) for a 3-class "shell" classifier: the class of a
// point is which shell its distance from the origin falls in, measured over the first 4 of its
// 8 features (the other 4 are unrelated measurements). Batch accuracy is tracked while training.
const NUM_FEATURES = 8;
const NUM_CLASSES = 3;
const N_TRAIN = 960;
const N_TEST = 300;
const BATCH = 32;
const EPOCHS = 20;

function makePoints(n) {
  const xs = [];
  const ys = [];
  for (let i = 0; i < n; i++) {
    const row = rng.array(NUM_FEATURES, () => rng.normal(0, 1));
    const r = Math.sqrt(row[0] ** 2 + row[1] ** 2 + row[2] ** 2 + row[3] ** 2);
    const c = r < 1.55 ? 0 : r < 2.1 ? 1 : 2;
    xs.push(row);
    ys.push(rng.array(NUM_CLASSES, (k) => (k === c ? 1 : 0)));
  }
  return { xs, ys };
}

async function main() {
  await tf.setBackend('wasm');

  const train = makePoints(N_TRAIN);
  const test = makePoints(N_TEST);
  const xTrain = tf.tensor2d(train.xs, [N_TRAIN, NUM_FEATURES]);
  const yTrain = tf.tensor2d(train.ys, [N_TRAIN, NUM_CLASSES]);
  const xTest = tf.tensor2d(test.xs, [N_TEST, NUM_FEATURES]);
  const yTest = tf.tensor2d(test.ys, [N_TEST, NUM_CLASSES]);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 64, activation: 'relu', inputShape: [NUM_FEATURES] }));
  model.add(tf.layers.dense({ units: 32, activation: 'relu' }));
  model.add(tf.layers.dense({ units: NUM_CLASSES, activation: 'softmax' }));
  const optimizer = tf.train.sgd(0.1);

  const tensorsAtStart = tf.memory().numTensors;
  const epochLosses = [];
  let epochAcc = 0;
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    const order = tf.util.createShuffledIndices(N_TRAIN);
    const numBatches = Math.floor(N_TRAIN / BATCH);
    let lossSum = 0;
    let accSum = 0;
    for (let b = 0; b < numBatches; b++) {
      const idx = tf.tensor1d(Int32Array.from(order.slice(b * BATCH, (b + 1) * BATCH)), 'int32');
      const xb = xTrain.gather(idx);
      const yb = yTrain.gather(idx);
      const loss = optimizer.minimize(() => tf.metrics.categoricalCrossentropy(yb, model.apply(xb)).mean(), true);
      lossSum += loss.dataSync()[0];
      const batchAcc = tf.tidy(() => model.predict(xb).argMax(-1).equal(yb.argMax(-1)).mean().dataSync()[0]);
      accSum += batchAcc;
      tf.dispose([idx, xb, yb, loss]);
    }
    epochLosses.push(lossSum / numBatches);
    epochAcc = accSum / numBatches;
  }
  const tensorsAtEnd = tf.memory().numTensors;

  const [testLoss, testAcc] = tf.tidy(() => {
    const p = model.predict(xTest);
    const l = tf.metrics.categoricalCrossentropy(yTest, p).mean().dataSync()[0];
    const a = p.argMax(-1).equal(yTest.argMax(-1)).mean().dataSync()[0];
    return [l, a];
  });
  const first = epochLosses[0];
  const last = epochLosses[epochLosses.length - 1];
  console.log(`loss ${first.toFixed(3)} -> ${last.toFixed(3)} acc ${epochAcc.toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)} | tensors ${tensorsAtStart} -> ${tensorsAtEnd}`);
}

main();
