'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(8163);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Four-class classifier on 10 features (class = quadrant of two hidden projections of the
// features). Trained with model.fit, monitoring a validation set drawn at random from a
// separately collected held-out pool.
const NUM_FEATURES = 10;
const NUM_CLASSES = 4;
const N_TRAIN = 1500;
const N_POOL = 1000;
const N_VAL = 400;

const projA = rng.array(NUM_FEATURES, () => rng.normal(0, 1));
const projB = rng.array(NUM_FEATURES, () => rng.normal(0, 1));

function makeRows(n) {
  const xs = [];
  const ys = [];
  for (let i = 0; i < n; i++) {
    const row = rng.array(NUM_FEATURES, () => rng.normal(0, 1));
    const a = row.reduce((s, v, j) => s + v * projA[j], 0);
    const b = row.reduce((s, v, j) => s + v * projB[j], 0);
    const c = (a > 0 ? 1 : 0) + (b > 0 ? 2 : 0);
    xs.push(row);
    ys.push([0, 1, 2, 3].map((k) => (k === c ? 1 : 0)));
  }
  return { xs, ys };
}

async function main() {
  await tf.setBackend('wasm');

  const train = makeRows(N_TRAIN);
  const pool = makeRows(N_POOL);
  const xTrain = tf.tensor2d(train.xs, [N_TRAIN, NUM_FEATURES]);
  const yTrain = tf.tensor2d(train.ys, [N_TRAIN, NUM_CLASSES]);

  // random subset of the held-out pool for validation
  const valIdx = Array.from(tf.util.createShuffledIndices(N_POOL)).slice(0, N_VAL);
  const xVal = tf.tensor2d(valIdx.map((i) => pool.xs[i]), [N_VAL, NUM_FEATURES]);
  const yVal = tf.tensor2d(pool.ys.slice(0, N_VAL), [N_VAL, NUM_CLASSES]);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [NUM_FEATURES] }));
  model.add(tf.layers.dense({ units: 32, activation: 'relu' }));
  model.add(tf.layers.dense({ units: NUM_CLASSES, activation: 'softmax' }));
  model.compile({ optimizer: tf.train.adam(0.005), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(xTrain, yTrain, {
    epochs: 30,
    batchSize: 32,
    shuffle: true,
    validationData: [xVal, yVal],
    verbose: 0,
  });

  const h = history.history;
  const last = h.loss.length - 1;
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} | val loss ${h.val_loss[0].toFixed(3)} -> ${h.val_loss[last].toFixed(3)} val acc ${h.val_acc[last].toFixed(3)}`);
}

main();
