'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(4519);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Three-class classifier on a synthetic 32-feature table: the class depends on the first four
// features only (three linear scores, largest wins), the other 28 columns are noise measurements.
// The table is generated in one go; the first N_TRAIN rows train, the last N_TEST are held out.
const N_TRAIN = 1200;
const N_TEST = 120;
const F = 32;
const C = 3;

const W = rng.array(C, () => rng.array(4, () => rng.normal(0, 1)));

function makeTable(n) {
  const x = [];
  const y = [];
  for (let i = 0; i < n; i++) {
    const row = rng.array(F, () => rng.normal(0, 1));
    const scores = W.map((w) => w.reduce((s, wk, k) => s + wk * row[k], 0));
    const c = scores.indexOf(Math.max(...scores));
    x.push(row);
    y.push(rng.array(C, (k) => (k === c ? 1 : 0)));
  }
  return { x, y };
}

async function main() {
  await tf.setBackend('wasm');
  const table = makeTable(N_TRAIN + N_TEST);
  const xAll = tf.tensor2d(table.x, [N_TRAIN + N_TEST, F]);
  const yAll = tf.tensor2d(table.y, [N_TRAIN + N_TEST, C]);
  const xTest = xAll.slice([N_TRAIN, 0], [N_TEST, F]);
  const yTest = yAll.slice([N_TRAIN, 0], [N_TEST, C]);
  const xTrain = xAll.slice([0, 0], [N_TEST, F]);
  const yTrain = yAll.slice([0, 0], [N_TEST, C]);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 64, activation: 'relu', inputShape: [F] }));
  model.add(tf.layers.dense({ units: 64, activation: 'relu' }));
  model.add(tf.layers.dense({ units: C, activation: 'softmax' }));
  model.compile({ optimizer: tf.train.adam(0.003), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(xTrain, yTrain, {
    epochs: 30,
    batchSize: 32,
    shuffle: true,
    validationData: [xTest, yTest],
    verbose: 0,
  });

  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testAcc] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} | val loss ${h.val_loss[0].toFixed(3)} -> ${h.val_loss[last].toFixed(3)} (min ${Math.min(...h.val_loss).toFixed(3)}) val acc ${h.val_acc[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
