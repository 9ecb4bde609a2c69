'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(6404);
const tf = require('@tensorflow/tfjs');

// One-step-ahead forecasting of noisy damped oscillations: each sample is a window of 12
// consecutive values of x(t) = A * exp(-d t) * sin(w t + phi) + noise, taken at a random offset
// of a randomly drawn series, and the target is the next value.
const WINDOW = 12;

function makeSet(n) {
  const windows = new Float32Array(n * WINDOW);
  const targets = new Float32Array(n);
  const lastValues = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    const amplitude = rng.uniform(0.5, 1.5);
    const damping = rng.uniform(0.01, 0.05);
    const omega = rng.uniform(0.3, 0.9);
    const phi = rng.uniform(0, 2 * Math.PI);
    const start = rng.int(0, 40);
    const series = [];
    for (let t = start; t <= start + WINDOW; t++) {
      series.push(amplitude * Math.exp(-damping * t) * Math.sin(omega * t + phi) + rng.normal(0, 0.05));
    }
    for (let t = 0; t < WINDOW; t++) windows[i * WINDOW + t] = series[t];
    targets[i] = series[WINDOW];
    lastValues[i] = series[WINDOW - 1];
  }
  return { windows, targets, lastValues };
}

function mse(a, b) {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += (a[i] - b[i]) ** 2;
  return sum / a.length;
}

async function main() {
  await tf.setBackend('cpu');
  const NTRAIN = 1200;
  const NTEST = 400;
  const train = makeSet(NTRAIN);
  const test = makeSet(NTEST);
  const xTrain = tf.tensor3d(train.windows, [NTRAIN, WINDOW, 1]);
  const yTrain = tf.tensor2d(train.targets, [NTRAIN, 1]);
  const xTest = tf.tensor3d(test.windows, [NTEST, WINDOW, 1]);

  const model = tf.sequential();
  model.add(tf.layers.gru({ units: 12, inputShape: [WINDOW, 1] }));
  model.add(tf.layers.dense({ units: 1 }));

  model.compile({ optimizer: tf.train.adam(0.01), loss: 'meanSquaredError' });

  const history = await model.fit(xTrain, yTrain, { epochs: 15, batchSize: 32, validationSplit: 0.1, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const predicted = model.predict(xTest).dataSync();
  const testMse = mse(predicted, test.targets);
  const lastValueMse = mse(test.lastValues, test.targets);
  console.log(`loss ${h.loss[0].toFixed(4)} -> ${h.loss[last].toFixed(4)} val_loss ${h.val_loss[last].toFixed(4)} | held-out MSE ${testMse.toFixed(4)} vs last-value baseline ${lastValueMse.toFixed(4)} after ${last + 1} epochs`);
}

main();
