'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(3107);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Three 2-D Gaussian blobs (as sklearn's make_blobs), one-hot labels.
const CENTERS = [[-2.5, -1.5], [2.5, -1.5], [0, 2.5]];
const STD = 1.0;

function makeBlobs(n) {
  const points = [];
  const labels = [];
  for (let i = 0; i < n; i++) {
    const c = rng.int(0, CENTERS.length);
    points.push([rng.normal(CENTERS[c][0], STD), rng.normal(CENTERS[c][1], STD)]);
    labels.push(CENTERS.map((_, k) => (k === c ? 1 : 0)));
  }
  return { points, labels };
}

async function main() {
  await tf.setBackend('wasm');
  const train = makeBlobs(1000);
  const test = makeBlobs(500);
  const xTrain = tf.tensor2d(train.points, [1000, 2]);
  const yTrain = tf.tensor2d(train.labels, [1000, 3]);
  const xTest = tf.tensor2d(test.points, [500, 2]);
  const yTest = tf.tensor2d(test.labels, [500, 3]);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 16, activation: 'relu', inputShape: [2] }));
  model.add(tf.layers.dense({ units: 16, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 3, activation: 'softmax' }));
  model.compile({ optimizer: tf.train.adam(0.01), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(xTrain, yTrain, { epochs: 30, batchSize: 32, validationSplit: 0.2, verbose: 0 });
  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testAcc] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} val_acc ${h.val_acc[last].toFixed(3)} | held-out loss ${testLoss.toFixed(3)} accuracy ${testAcc.toFixed(3)}`);
}

main();
