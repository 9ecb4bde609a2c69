'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(5529);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Fuel economy: predict a car's consumption in miles per gallon from 7 standardized specs
// (weight, displacement, power, ...). The target stays in mpg. Custom training loop with momentum
// SGD; the gradients are clipped by their global norm before each update to keep the early steps
// on raw-unit targets stable.
const NUM_FEATURES = 7;
const N_TRAIN = 1000;
const N_TEST = 300;
const BATCH = 32;
const EPOCHS = 30;
const LEARNING_RATE = 0.01;
const MAX_NORM = 1;

const wMain = rng.array(NUM_FEATURES, () => rng.normal(0, 0.5));
const wSide = rng.array(NUM_FEATURES, () => rng.normal(0, 0.5));

function makeCars(n) {
  const xs = [];
  const ys = [];
  for (let i = 0; i < n; i++) {
    const x = rng.array(NUM_FEATURES, () => rng.normal(0, 1));
    const a = x.reduce((s, v, j) => s + v * wMain[j], 0);
    const b = x.reduce((s, v, j) => s + v * wSide[j], 0);
    xs.push(x);
    ys.push([28 - 6 * Math.tanh(a) + 2 * Math.sin(b) + 0.8 * b * b + rng.normal(0, 1)]);
  }
  return { xs, ys };
}

async function main() {
  await tf.setBackend('wasm');

  const train = makeCars(N_TRAIN);
  const test = makeCars(N_TEST);
  const xTrain = tf.tensor2d(train.xs, [N_TRAIN, NUM_FEATURES]);
  const yTrain = tf.tensor2d(train.ys, [N_TRAIN, 1]);
  const xTest = tf.tensor2d(test.xs, [N_TEST, NUM_FEATURES]);
  const yTest = tf.tensor2d(test.ys, [N_TEST, 1]);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [NUM_FEATURES] }));
  model.add(tf.layers.dense({ units: 32, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 1 }));

  const optimizer = tf.train.momentum(LEARNING_RATE, 0.9);

  const losses = [];
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    const order = tf.util.createShuffledIndices(N_TRAIN);
    let epochLoss = 0;
    let batches = 0;
    for (let start = 0; start < N_TRAIN; start += BATCH) {
      const idx = Array.from(order.slice(start, start + BATCH));
      const loss = tf.tidy(() => {
        const ids = tf.tensor1d(idx, 'int32');
        const xb = tf.gather(xTrain, ids);
        const yb = tf.gather(yTrain, ids);
        const { value, grads } = tf.variableGrads(() => tf.losses.meanSquaredError(yb, model.apply(xb, { training: true })));
        const norm = Math.sqrt(Object.values(grads).reduce((s, g) => s + g.square().sum().dataSync()[0], 0));
        const scale = MAX_NORM / Math.max(norm, MAX_NORM);
        const clipped = {};
        for (const name of Object.keys(grads)) clipped[name] = grads[name].mul(scale);
        optimizer.applyGradients(clipped);
        return value;
      });
      epochLoss += loss.dataSync()[0];
      loss.dispose();
      batches++;
    }
    losses.push(epochLoss / batches);
  }

  const evaluate = (x, y) =>
    tf.tidy(() => {
      const pred = model.predict(x);
      return [tf.losses.meanSquaredError(y, pred).dataSync()[0], tf.metrics.meanAbsoluteError(y, pred).mean().dataSync()[0]];
    });
  const [trainMse, trainMae] = evaluate(xTrain, yTrain);
  const [testMse, testMae] = evaluate(xTest, yTest);
  const testVar = tf.tidy(() => tf.moments(yTest).variance.dataSync()[0]);
  console.log(`loss ${losses[0].toFixed(2)} -> ${losses[losses.length - 1].toFixed(2)} train mse ${trainMse.toFixed(2)} mae ${trainMae.toFixed(2)} | test mse ${testMse.toFixed(2)} test mae ${testMae.toFixed(2)} (variance of test targets ${testVar.toFixed(2)})`);
}

main();
