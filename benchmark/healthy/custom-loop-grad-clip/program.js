'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(6021);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// A hand-written training step: tf.variableGrads over a layers model applied to a batch, the
// gradients clipped to a global norm of 1, then optimizer.applyGradients.
// Task: binary classification of two interleaved half-moons (2 features, standardized).
function makeSet(n) {
  const rows = [];
  const labels = [];
  for (let i = 0; i < n; i++) {
    const label = i % 2;
    const t = rng.uniform(0, Math.PI);
    const x = label === 0 ? Math.cos(t) : 1 - Math.cos(t);
    const y = label === 0 ? Math.sin(t) : 0.5 - Math.sin(t);
    rows.push([(x - 0.5) / 0.9 + rng.normal(0, 0.3), (y - 0.25) / 0.5 + rng.normal(0, 0.3)]);
    labels.push([label]);
  }
  return { rows, labels };
}

function clipByGlobalNorm(grads, maxNorm) {
  return tf.tidy(() => {
    const names = Object.keys(grads);
    const norm = tf.sqrt(tf.addN(names.map((k) => grads[k].square().sum()))).dataSync()[0];
    const scale = norm > maxNorm ? maxNorm / norm : 1;
    const clipped = {};
    for (const k of names) clipped[k] = grads[k].mul(scale);
    return clipped;
  });
}

async function main() {
  await tf.setBackend('wasm');
  const train = makeSet(800);
  const test = makeSet(400);
  const xTrain = tf.tensor2d(train.rows, [800, 2]);
  const yTrain = tf.tensor2d(train.labels, [800, 1]);
  const xTest = tf.tensor2d(test.rows, [400, 2]);
  const yTest = tf.tensor2d(test.labels, [400, 1]);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [2] }));
  model.add(tf.layers.dense({ units: 32, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 1, activation: 'sigmoid' }));
  const optimizer = tf.train.adam(0.01);

  const BATCH = 32;
  const losses = [];
  for (let epoch = 0; epoch < 15; epoch++) {
    const order = tf.util.createShuffledIndices(800);
    let sum = 0;
    for (let start = 0; start < 800; start += BATCH) {
      const idx = tf.tensor1d(Int32Array.from(order.slice(start, start + BATCH)), 'int32');
      const xb = tf.gather(xTrain, idx);
      const yb = tf.gather(yTrain, idx);
      const { value, grads } = tf.variableGrads(() => tf.losses.logLoss(yb, model.apply(xb)));
      const clipped = clipByGlobalNorm(grads, 1);
      optimizer.applyGradients(clipped);
      sum += value.dataSync()[0];
      tf.dispose([idx, xb, yb, value, grads, clipped]);
    }
    losses.push(sum / (800 / BATCH));
  }
  const testAcc = model.predict(xTest).greater(0.5).equal(yTest.cast('bool')).cast('float32').mean().dataSync()[0];
  console.log(`loss ${losses[0].toFixed(3)} -> ${losses[losses.length - 1].toFixed(3)} | held-out accuracy ${testAcc.toFixed(3)}`);
}

main();
