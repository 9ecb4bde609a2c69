'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(9415);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Four-class classifier on 10 standardized features: the class is which of four linear
// scores (with one interaction term) is largest. Trained with model.fit and validationData;
// an onEpochEnd callback computes validation accuracy itself to remember the best epoch and
// keeps a per-epoch record of tf.memory().numTensors.
const NUM_CLASSES = 4;
const NUM_FEATURES = 10;
const W = rng.array(NUM_CLASSES, () => rng.array(NUM_FEATURES, () => rng.normal(0, 1)));

function makeRows(n) {
  const xs = [];
  const ys = [];
  for (let i = 0; i < n; i++) {
    const x = rng.array(NUM_FEATURES, () => rng.normal(0, 1));
    const scores = W.map((w, k) => w.reduce((s, wi, j) => s + wi * x[j], 0) + (k === 3 ? x[0] * x[1] : 0));
    const c = scores.indexOf(Math.max(...scores));
    xs.push(x);
    ys.push(rng.array(NUM_CLASSES, (k) => (k === c ? 1 : 0)));
  }
  return { xs, ys };
}

async function main() {
  await tf.setBackend('wasm');

  const train = makeRows(1500);
  const val = makeRows(250);
  const xTrain = tf.tensor2d(train.xs, [1500, NUM_FEATURES]);
  const yTrain = tf.tensor2d(train.ys, [1500, NUM_CLASSES]);
  const xVal = tf.tensor2d(val.xs, [250, NUM_FEATURES]);
  const yVal = tf.tensor2d(val.ys, [250, NUM_CLASSES]);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [NUM_FEATURES] }));
  model.add(tf.layers.dense({ units: 32, activation: 'relu' }));
  model.add(tf.layers.dense({ units: NUM_CLASSES, activation: 'softmax' }));
  model.compile({ optimizer: tf.train.adam(0.003), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });

  let best = { acc: 0, epoch: -1 };
  const tensorLog = [];
  const callbacks = {
    onEpochEnd: async (epoch) => {
      const valAcc = model.predict(xVal).argMax(-1).equal(yVal.argMax(-1)).mean().dataSync()[0];
      if (valAcc > best.acc) best = { acc: valAcc, epoch };
      tensorLog.push(tf.memory().numTensors);
    },
  };

  const history = await model.fit(xTrain, yTrain, { epochs: 25, batchSize: 32, shuffle: true, validationData: [xVal, yVal], callbacks, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} | val loss ${h.val_loss[last].toFixed(3)} val acc ${h.val_acc[last].toFixed(3)} | best val acc ${best.acc.toFixed(3)} at epoch ${best.epoch} | tensors ${tensorLog[0]} -> ${tensorLog[last]}`);
}

main();
