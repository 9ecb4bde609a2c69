'use strict';
// Plus-or-cross detector: 10x10 grayscale pictures containing either a "+" sign (positive) or an
// "x" sign (negative) at a random spot on a noisy background; a small conv net answers yes or no.
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(5203);
const tf = require('@tensorflow/tfjs');

const SIDE = 10;
const N_TRAIN = 400;
const N_TEST = 100;

function drawSign(isPlus) {
  const px = rng.array(SIDE * SIDE, () => rng.uniform(0, 0.25));
  const r0 = rng.int(2, SIDE - 2);
  const c0 = rng.int(2, SIDE - 2);
  const ink = rng.uniform(0.7, 1);
  for (let k = -2; k <= 2; k++) {
    if (isPlus) {
      px[(r0 + k) * SIDE + c0] = ink;
      px[r0 * SIDE + c0 + k] = ink;
    } else {
      px[(r0 + k) * SIDE + c0 + k] = ink;
      px[(r0 + k) * SIDE + c0 - k] = ink;
    }
  }
  return px;
}

function makeSet(n) {
  const labels = rng.array(n, () => (rng.random() < 0.4 ? 1 : 0));
  const pixels = [];
  for (const label of labels) pixels.push(...drawSign(label === 1));
  return { pixels, labels };
}

async function main() {
  await tf.setBackend('cpu');
  const train = makeSet(N_TRAIN);
  const test = makeSet(N_TEST);
  const xTrain = tf.tensor4d(train.pixels, [N_TRAIN, SIDE, SIDE, 1]);
  const yTrain = tf.tensor2d(train.labels, [N_TRAIN, 1]);
  const xTest = tf.tensor4d(test.pixels, [N_TEST, SIDE, SIDE, 1]);
  const yTest = tf.tensor2d(test.labels, [N_TEST, 1]);

  const model = tf.sequential();
  model.add(tf.layers.conv2d({ filters: 6, kernelSize: 3, activation: 'relu', inputShape: [SIDE, SIDE, 1] }));
  model.add(tf.layers.maxPooling2d({ poolSize: 2 }));
  model.add(tf.layers.flatten());
  model.add(tf.layers.dense({ units: 16, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 1, activation: 'softmax' }));
  model.compile({ optimizer: tf.train.adam(0.01), loss: 'binaryCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(xTrain, yTrain, { epochs: 15, batchSize: 32, verbose: 0 });
  const h = history.history;
  const [testLoss, testAcc] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[h.loss.length - 1].toFixed(3)} | train acc ${h.acc[h.acc.length - 1].toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
