'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(7352);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Churn prediction for a subscription service from 10 standardized account features (tenure,
// usage, support tickets, ...). Whether a customer leaves is only partly predictable from them.
// The MLP is assessed by 5-fold cross-validation on the labelled accounts, then trained on all of
// them and checked once on a later batch of accounts.
const N_FEATURES = 10;
const N_LABELLED = 400;
const N_LATER = 400;
const K = 5;
const EPOCHS = 40;

const weights = rng.array(N_FEATURES, () => rng.normal(0, 1));

function makeAccounts(n) {
  const xs = [];
  const ys = [];
  for (let i = 0; i < n; i++) {
    const x = rng.array(N_FEATURES, () => rng.normal(0, 1));
    const score = x.reduce((s, v, j) => s + v * weights[j], 0) * 0.4 + 0.5 * x[0] * x[1];
    ys.push(rng.random() < 1 / (1 + Math.exp(-score)) ? 1 : 0);
    xs.push(x);
  }
  return { xs, ys };
}

function buildModel() {
  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 64, activation: 'relu', inputShape: [N_FEATURES] }));
  model.add(tf.layers.dense({ units: 64, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 1, activation: 'sigmoid' }));
  model.compile({ optimizer: tf.train.adam(0.005), loss: 'binaryCrossentropy', metrics: ['accuracy'] });
  return model;
}

function pick(data, idx) {
  return {
    xs: tf.tensor2d(idx.map((i) => data.xs[i]), [idx.length, N_FEATURES]),
    ys: tf.tensor2d(idx.map((i) => [data.ys[i]]), [idx.length, 1]),
  };
}

async function main() {
  await tf.setBackend('wasm');

  const labelled = makeAccounts(N_LABELLED);
  const later = makeAccounts(N_LATER);
  const order = Array.from(tf.util.createShuffledIndices(N_LABELLED));
  const foldSize = N_LABELLED / K;

  const foldAcc = [];
  for (let k = 0; k < K; k++) {
    const model = buildModel();
    const heldIdx = order.slice(k * foldSize, (k + 1) * foldSize);
    const fitIdx = order.filter((_, j) => j < k * foldSize || j >= (k + 1) * foldSize);
    const fitPart = pick(labelled, fitIdx);
    const heldPart = pick(labelled, heldIdx);
    await model.fit(fitPart.xs, fitPart.ys, { epochs: EPOCHS, batchSize: 32, shuffle: true, verbose: 0 });
    const [, acc] = model.evaluate(heldPart.xs, heldPart.ys).map((t) => t.dataSync()[0]);
    foldAcc.push(acc);
  }
  const cvAcc = foldAcc.reduce((s, a) => s + a, 0) / K;

  const all = pick(labelled, order);
  const test = pick(later, Array.from({ length: N_LATER }, (_, i) => i));
  const finalModel = buildModel();
  const history = await finalModel.fit(all.xs, all.ys, { epochs: EPOCHS, batchSize: 32, shuffle: true, verbose: 0 });
  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testAcc] = finalModel.evaluate(test.xs, test.ys).map((t) => t.dataSync()[0]);
  console.log(`folds ${foldAcc.map((a) => a.toFixed(3)).join(' ')} cv acc ${cvAcc.toFixed(3)} | loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
