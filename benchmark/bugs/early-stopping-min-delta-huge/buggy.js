'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(8126);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Ring vs. disc: points inside radius 1 are class 0, points in the ring 1.1..1.8 are class 1.
// The two coordinates come with four noise features. Binary classifier trained with Adam;
// early stopping on the validation loss decides how many epochs to run.
const NUM_FEATURES = 6;

function makeRings(n) {
  const xs = [];
  const ys = [];
  for (let i = 0; i < n; i++) {
    const label = rng.random() < 0.5 ? 1 : 0;
    const r = label ? rng.uniform(1.1, 1.8) : rng.uniform(0, 1);
    const a = rng.uniform(0, 2 * Math.PI);
    xs.push([r * Math.cos(a), r * Math.sin(a), ...rng.array(NUM_FEATURES - 2, () => rng.normal(0, 1))]);
    ys.push([label]);
  }
  return { xs: tf.tensor2d(xs, [n, NUM_FEATURES]), ys: tf.tensor2d(ys, [n, 1]) };
}

async function main() {
  await tf.setBackend('wasm');

  const train = makeRings(400);
  const val = makeRings(250);
  const test = makeRings(500);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [NUM_FEATURES] }));
  model.add(tf.layers.dense({ units: 32, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 1, activation: 'sigmoid' }));
  model.compile({ optimizer: tf.train.adam(0.002), loss: 'binaryCrossentropy', metrics: ['accuracy'] });

  const earlyStop = tf.callbacks.earlyStopping({ monitor: 'val_loss', minDelta: 1, patience: 3 });
  const history = await model.fit(train.xs, train.ys, {
    epochs: 200,
    batchSize: 32,
    validationData: [val.xs, val.ys],
    callbacks: [earlyStop],
    verbose: 0,
  });

  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testAcc] = model.evaluate(test.xs, test.ys).map((t) => t.dataSync()[0]);
  console.log(`epochs ${h.loss.length} | loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} | val loss ${h.val_loss[last].toFixed(3)} val acc ${h.val_acc[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
