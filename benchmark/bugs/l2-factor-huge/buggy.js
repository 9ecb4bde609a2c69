'use strict';
// Stroke-direction classifier: 10x10 grayscale pictures of a short stroke that is horizontal,
// vertical, diagonal or anti-diagonal, on a noisy background; a small conv net with weight decay.
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(7391);
const tf = require('@tensorflow/tfjs');

const SIDE = 10;
const CLASSES = 4;
const N_TRAIN = 400;
const N_TEST = 100;

function drawStroke(label) {
  const px = rng.array(SIDE * SIDE, () => rng.uniform(0, 0.3));
  const r0 = rng.int(3, SIDE - 3);
  const c0 = rng.int(3, SIDE - 3);
  const ink = rng.uniform(0.6, 1);
  const [dr, dc] = [[0, 1], [1, 0], [1, 1], [1, -1]][label];
  for (let k = -3; k <= 3; k++) px[(r0 + k * dr) * SIDE + c0 + k * dc] = ink;
  return px;
}

function makeSet(n) {
  const labels = rng.array(n, () => rng.int(0, CLASSES));
  const pixels = [];
  for (const label of labels) pixels.push(...drawStroke(label));
  return { pixels, labels };
}

async function main() {
  await tf.setBackend('cpu');
  const train = makeSet(N_TRAIN);
  const test = makeSet(N_TEST);
  const xTrain = tf.tensor4d(train.pixels, [N_TRAIN, SIDE, SIDE, 1]);
  const yTrain = tf.oneHot(tf.tensor1d(train.labels, 'int32'), CLASSES).toFloat();
  const xTest = tf.tensor4d(test.pixels, [N_TEST, SIDE, SIDE, 1]);
  const yTest = tf.oneHot(tf.tensor1d(test.labels, 'int32'), CLASSES).toFloat();

  const model = tf.sequential();
  model.add(tf.layers.conv2d({ filters: 6, kernelSize: 3, activation: 'relu', kernelRegularizer: tf.regularizers.l2({ l2: 1 }), inputShape: [SIDE, SIDE, 1] }));
  model.add(tf.layers.maxPooling2d({ poolSize: 2 }));
  model.add(tf.layers.flatten());
  model.add(tf.layers.dense({ units: 16, activation: 'relu', kernelRegularizer: tf.regularizers.l2({ l2: 1 }) }));
  model.add(tf.layers.dense({ units: CLASSES, activation: 'softmax', kernelRegularizer: tf.regularizers.l2({ l2: 1 }) }));
  model.compile({ optimizer: tf.train.adam(0.01), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(xTrain, yTrain, { epochs: 15, batchSize: 32, verbose: 0 });
  const h = history.history;
  const [testLoss, testAcc] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[h.loss.length - 1].toFixed(3)} | train acc ${h.acc[h.acc.length - 1].toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
