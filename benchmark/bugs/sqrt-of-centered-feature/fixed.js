'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(8164);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Food delivery time (minutes) from the order: distance in km (long right tail), number of items,
// kitchen preparation time and a traffic index. Preprocessing is a small fit/transform pipeline
// fitted on the training orders only; the model is a small MLP trained with model.fit.
const N_TRAIN = 1200;
const N_TEST = 300;
const DISTANCE = 0;

function makeOrders(n) {
  const x = [];
  const y = [];
  for (let i = 0; i < n; i++) {
    const distanceKm = Math.exp(rng.normal(1, 0.6));
    const items = rng.int(1, 9);
    const prepMinutes = rng.uniform(5, 25);
    const traffic = rng.uniform(0, 1);
    const minutes = 8 + 6 * Math.sqrt(distanceKm) * (1 + traffic) + 1.2 * items + 0.8 * prepMinutes + rng.normal(0, 2);
    x.push([distanceKm, items, prepMinutes, traffic]);
    y.push([minutes]);
  }
  return { x, y };
}

function standardizer() {
  let mean;
  let std;
  return {
    fit(rows) {
      const n = rows.length;
      mean = rows[0].map((_, j) => rows.reduce((s, r) => s + r[j], 0) / n);
      std = rows[0].map((_, j) => Math.sqrt(rows.reduce((s, r) => s + (r[j] - mean[j]) ** 2, 0) / n) || 1);
    },
    transform: (rows) => rows.map((r) => r.map((v, j) => (v - mean[j]) / std[j])),
  };
}

function sqrtColumn(col) {
  return {
    fit() {},
    transform: (rows) => rows.map((r) => r.map((v, j) => (j === col ? Math.sqrt(v) : v))),
  };
}

const pipeline = [sqrtColumn(DISTANCE), standardizer()];

function fitTransform(rows) {
  let out = rows;
  for (const step of pipeline) {
    step.fit(out);
    out = step.transform(out);
  }
  return out;
}

function transform(rows) {
  return pipeline.reduce((out, step) => step.transform(out), rows);
}

async function main() {
  await tf.setBackend('wasm');
  const train = makeOrders(N_TRAIN);
  const test = makeOrders(N_TEST);
  const xTrain = tf.tensor2d(fitTransform(train.x), [N_TRAIN, 4]);
  const yTrain = tf.tensor2d(train.y, [N_TRAIN, 1]);
  const xTest = tf.tensor2d(transform(test.x), [N_TEST, 4]);
  const yTest = tf.tensor2d(test.y, [N_TEST, 1]);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [4] }));
  model.add(tf.layers.dense({ units: 16, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 1 }));
  model.compile({ optimizer: tf.train.adam(0.01), loss: 'meanSquaredError', metrics: ['mae'] });

  const history = await model.fit(xTrain, yTrain, { epochs: 40, batchSize: 32, shuffle: true, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testMae] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} mae ${h.mae[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test mae ${testMae.toFixed(3)}`);
}

main();
