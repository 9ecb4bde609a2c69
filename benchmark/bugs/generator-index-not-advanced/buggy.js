'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(3306);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Three-class classifier trained with model.fitDataset from a generator that walks through the
// training rows in mini-batches. Each sample has 12 standardized features; the class depends on
// which of three feature interactions dominates. The last rows are kept for testing.
const NUM_FEATURES = 12;
const NUM_CLASSES = 3;
const N_TRAIN = 1024;
const N_TEST = 300;
const BATCH_SIZE = 32;

function makeRows(n) {
  const xs = [];
  const ys = [];
  for (let i = 0; i < n; i++) {
    const r = rng.array(NUM_FEATURES, () => rng.normal(0, 1));
    const scores = [r[0] * r[1] + r[2], r[3] - r[4] * r[5], r[6] + r[7] * r[8] - r[9]];
    const c = scores.indexOf(Math.max(...scores));
    xs.push(r);
    ys.push(rng.array(NUM_CLASSES, (k) => (k === c ? 1 : 0)));
  }
  return { xs, ys };
}

async function main() {
  await tf.setBackend('wasm');

  const data = makeRows(N_TRAIN + N_TEST);
  const trainXs = data.xs.slice(0, N_TRAIN);
  const trainYs = data.ys.slice(0, N_TRAIN);
  const xTest = tf.tensor2d(data.xs.slice(N_TRAIN), [N_TEST, NUM_FEATURES]);
  const yTest = tf.tensor2d(data.ys.slice(N_TRAIN), [N_TEST, NUM_CLASSES]);

  const trainBatches = tf.data.generator(function* () {
    for (let b = 0; b < N_TRAIN / BATCH_SIZE; b++) {
      let start = 0;
      const end = start + BATCH_SIZE;
      yield {
        xs: tf.tensor2d(trainXs.slice(start, end), [BATCH_SIZE, NUM_FEATURES]),
        ys: tf.tensor2d(trainYs.slice(start, end), [BATCH_SIZE, NUM_CLASSES]),
      };
      start = end;
    }
  });

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 64, activation: 'relu', inputShape: [NUM_FEATURES] }));
  model.add(tf.layers.dense({ units: 32, activation: 'relu' }));
  model.add(tf.layers.dense({ units: NUM_CLASSES, activation: 'softmax' }));
  model.compile({ optimizer: tf.train.adam(0.005), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });

  const history = await model.fitDataset(trainBatches, { epochs: 20, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testAcc] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
