'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(9602);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// 30-day hospital readmission from 10 standardized admission measurements (age, length of stay,
// creatinine, haemoglobin, sodium, number of prior admissions, ...). The pilot study only has 400
// labelled patients and the readmission labels come from a claims database, so about one in five
// is wrong. The MLP is wider than the data warrants and regularized with heavy dropout instead;
// it is trained with a hand-written mini-batch loop and scored on 1000 patients from the next
// quarter.
const N_FEATURES = 10;
const N_TRAIN = 400;
const N_TEST = 1000;
const BATCH = 32;
const EPOCHS = 150;
const DROPOUT = 0.5;
const LABEL_ERROR_RATE = 0.2;

// four of the measurements carry the risk, plus an interaction between the first two
const risk = rng.array(N_FEATURES, (j) => (j < 4 ? rng.normal(0, 1) : 0));

function loadPatients(n) {
  const x = [];
  const y = [];
  for (let i = 0; i < n; i++) {
    const f = rng.array(N_FEATURES, () => rng.normal(0, 1));
    const score = f.reduce((s, v, j) => s + v * risk[j], 0) + 0.5 * f[0] * f[1];
    const readmitted = (score > 0) !== (rng.random() < LABEL_ERROR_RATE);
    x.push(f);
    y.push([readmitted ? 1 : 0]);
  }
  return { x: tf.tensor2d(x, [n, N_FEATURES]), y: tf.tensor2d(y, [n, 1]) };
}

async function main() {
  await tf.setBackend('wasm');

  const train = loadPatients(N_TRAIN);
  const test = loadPatients(N_TEST);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 64, activation: 'relu', inputShape: [N_FEATURES] }));
  model.add(tf.layers.dropout({ rate: DROPOUT }));
  model.add(tf.layers.dense({ units: 64, activation: 'relu' }));
  model.add(tf.layers.dropout({ rate: DROPOUT }));
  model.add(tf.layers.dense({ units: 1, activation: 'sigmoid' }));

  const optimizer = tf.train.adam(0.001);
  const numBatches = Math.ceil(N_TRAIN / BATCH);
  const losses = [];
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    const order = tf.util.createShuffledIndices(N_TRAIN);
    let epochLoss = 0;
    for (let b = 0; b < numBatches; b++) {
      epochLoss += tf.tidy(() => {
        const idx = tf.tensor1d(Int32Array.from(order.slice(b * BATCH, (b + 1) * BATCH)), 'int32');
        const xb = train.x.gather(idx);
        const yb = train.y.gather(idx);
        const cost = optimizer.minimize(() => tf.losses.logLoss(yb, model.apply(xb, { training: true })), true);
        return cost.dataSync()[0];
      }) / numBatches;
    }
    losses.push(epochLoss);
  }

  const evaluate = (d) => tf.tidy(() => {
    const p = model.predict(d.x);
    const loss = tf.losses.logLoss(d.y, p).dataSync()[0];
    const acc = tf.metrics.binaryAccuracy(d.y, p).mean().dataSync()[0];
    return [loss, acc];
  });
  const [trainLoss, trainAcc] = evaluate(train);
  const [testLoss, testAcc] = evaluate(test);
  console.log(`loss ${losses[0].toFixed(3)} -> ${losses[EPOCHS - 1].toFixed(3)} train loss ${trainLoss.toFixed(3)} acc ${trainAcc.toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
