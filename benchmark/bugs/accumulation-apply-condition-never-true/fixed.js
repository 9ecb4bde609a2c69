'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(9630);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Subscription churn classifier. The production box only fits small batches, so the loop
// runs micro-batches of 16 and accumulates their gradients, applying the averaged update every
// ACCUM_STEPS micro-batches (an effective batch of 64). The last 600 customers are held out.
const N_TRAIN = 2048;
const N_TEST = 600;
const N_FEATURES = 7;
const MICRO_BATCH = 16;
const ACCUM_STEPS = 4;
const EPOCHS = 10;

function makeCustomers(n) {
  const x = [];
  const y = [];
  for (let i = 0; i < n; i++) {
    const tenure = rng.int(1, 73); // months
    const monthly = rng.uniform(20, 120); // dollars
    const supportCalls = rng.int(0, 8);
    const monthToMonth = rng.random() < 0.55 ? 1 : 0;
    const autopay = rng.random() < 0.5 ? 1 : 0;
    const usageGb = Math.max(0, rng.normal(40, 15));
    const age = rng.int(18, 80);
    const score = -0.06 * (tenure - 30) + 0.03 * (monthly - 70) + 0.5 * (supportCalls - 3)
      + 1.4 * monthToMonth - 0.8 * autopay - 0.03 * (usageGb - 40) + rng.normal(0, 0.6);
    x.push([tenure, monthly, supportCalls, monthToMonth, autopay, usageGb, age]);
    y.push([score > 0.3 ? 1 : 0]);
  }
  return { x, y };
}

function accuracy(probs, labels) {
  return tf.tidy(() => probs.greater(0.5).toFloat().equal(labels).toFloat().mean().dataSync()[0]);
}

async function main() {
  await tf.setBackend('wasm');
  const data = makeCustomers(N_TRAIN + N_TEST);
  const raw = tf.tensor2d(data.x, [N_TRAIN + N_TEST, N_FEATURES]);
  const labels = tf.tensor2d(data.y, [N_TRAIN + N_TEST, 1]);
  const { mean, variance } = tf.moments(raw.slice([0, 0], [N_TRAIN, N_FEATURES]), 0);
  const features = raw.sub(mean).div(variance.sqrt().add(1e-6));
  const xTrain = features.slice([0, 0], [N_TRAIN, N_FEATURES]);
  const yTrain = labels.slice([0, 0], [N_TRAIN, 1]);
  const xTest = features.slice([N_TRAIN, 0], [N_TEST, N_FEATURES]);
  const yTest = labels.slice([N_TRAIN, 0], [N_TEST, 1]);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [N_FEATURES] }));
  model.add(tf.layers.dense({ units: 16, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 1, activation: 'sigmoid' }));
  const optimizer = tf.train.adam(0.005);

  const numMicro = N_TRAIN / MICRO_BATCH;
  const losses = [];
  let accum = {};
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    let epochLoss = 0;
    for (let step = 0; step < numMicro; step++) {
      const loss = tf.tidy(() => {
        const xb = xTrain.slice([step * MICRO_BATCH, 0], [MICRO_BATCH, N_FEATURES]);
        const yb = yTrain.slice([step * MICRO_BATCH, 0], [MICRO_BATCH, 1]);
        const { value, grads } = tf.variableGrads(() => tf.metrics.binaryCrossentropy(yb, model.predict(xb)).mean());
        for (const name of Object.keys(grads)) {
          const prev = accum[name];
          accum[name] = tf.keep(prev ? prev.add(grads[name]) : grads[name].clone());
          if (prev) prev.dispose();
        }
        return value.dataSync()[0];
      });
      epochLoss += loss;

      // apply the averaged update once a full effective batch has been accumulated
      if ((step + 1) % ACCUM_STEPS === 0) {
        tf.tidy(() => {
          const averaged = {};
          for (const name of Object.keys(accum)) averaged[name] = accum[name].div(ACCUM_STEPS);
          optimizer.applyGradients(averaged);
        });
        for (const name of Object.keys(accum)) accum[name].dispose();
        accum = {};
      }
    }
    losses.push(epochLoss / numMicro);
  }

  const trainAcc = tf.tidy(() => accuracy(model.predict(xTrain), yTrain));
  const testAcc = tf.tidy(() => accuracy(model.predict(xTest), yTest));
  const churnRate = tf.tidy(() => yTest.mean().dataSync()[0]);
  console.log(`loss ${losses[0].toFixed(4)} -> ${losses[losses.length - 1].toFixed(4)} acc ${trainAcc.toFixed(3)} | test acc ${testAcc.toFixed(3)} (churn rate ${churnRate.toFixed(3)}) tensors ${tf.memory().numTensors}`);
}

main();
