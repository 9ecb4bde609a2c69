'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(5127);
const tf = require('@tensorflow/tfjs');

// Surface inspection of machined parts: 10x10 grayscale patches of the surface, lit at a different
// level for every part, with the grain of the surface and sensor noise on top. A defective patch
// has a small spot that stands out from the surrounding surface, brighter (a burr catching the
// light) or darker (a pit); the task is to tell defective patches from clean ones.
const SIDE = 10;
const N_TRAIN = 300;
const N_TEST = 200;

function makePatches(n) {
  const pixels = [];
  const labels = [];
  for (let i = 0; i < n; i++) {
    const defective = rng.random() < 0.5;
    const level = rng.uniform(0.4, 0.6);
    const patch = rng.array(SIDE * SIDE, () => level + rng.normal(0, 0.12));
    if (defective) {
      const contrast = (rng.random() < 0.5 ? 1 : -1) * rng.uniform(0.4, 0.6);
      const top = rng.int(1, SIDE - 2);
      const left = rng.int(1, SIDE - 2);
      for (const [dr, dc] of [[0, 0], [0, 1], [1, 0], [1, 1]]) patch[(top + dr) * SIDE + left + dc] += contrast;
    }
    pixels.push(...patch);
    labels.push(defective ? 1 : 0);
  }
  return { pixels, labels };
}

async function main() {
  await tf.setBackend('cpu');

  const train = makePatches(N_TRAIN);
  const test = makePatches(N_TEST);
  const xTrain = tf.tensor4d(train.pixels, [N_TRAIN, SIDE, SIDE, 1]);
  const yTrain = tf.oneHot(tf.tensor1d(train.labels, 'int32'), 2).toFloat();
  const xTest = tf.tensor4d(test.pixels, [N_TEST, SIDE, SIDE, 1]);
  const yTest = tf.oneHot(tf.tensor1d(test.labels, 'int32'), 2).toFloat();

  const model = tf.sequential();
  model.add(tf.layers.conv2d({ filters: 8, kernelSize: 3, inputShape: [SIDE, SIDE, 1] }));
  model.add(tf.layers.averagePooling2d({ poolSize: 2 }));
  model.add(tf.layers.conv2d({ filters: 8, kernelSize: 3 }));
  model.add(tf.layers.flatten());
  model.add(tf.layers.dense({ units: 2, activation: 'softmax' }));
  model.compile({ optimizer: tf.train.adam(0.005), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(xTrain, yTrain, { epochs: 40, batchSize: 16, shuffle: true, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testAcc] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
