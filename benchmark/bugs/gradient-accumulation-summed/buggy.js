'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(7731);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Delivery-time regression: 8 standardized order features (distance, basket size, hour of day,
// courier load, weather index, ...) -> minutes late relative to the promised slot, in units of
// 10 minutes. Small MLP trained with a custom loop that processes micro-batches of 8 orders and
// accumulates their gradients over 16 micro-batches, to train with an effective batch of 128.
const NUM_FEATURES = 8;
const N_TRAIN = 2048;
const N_TEST = 512;
const MICRO_BATCH = 8;
const ACCUM_STEPS = 16;
const EPOCHS = 8;

function makeOrders(n) {
  const xs = [];
  const ys = [];
  for (let i = 0; i < n; i++) {
    const x = rng.array(NUM_FEATURES, () => rng.normal(0, 1));
    const y = 0.8 * x[0] + 0.5 * Math.tanh(2 * x[1]) + 0.4 * x[2] * x[3] - 0.3 * x[4] + 0.2 * Math.abs(x[5]) + rng.normal(0, 0.1);
    xs.push(x);
    ys.push([y]);
  }
  return { xs, ys };
}

async function main() {
  await tf.setBackend('wasm');

  const train = makeOrders(N_TRAIN);
  const test = makeOrders(N_TEST);
  const xTrain = tf.tensor2d(train.xs, [N_TRAIN, NUM_FEATURES]);
  const yTrain = tf.tensor2d(train.ys, [N_TRAIN, 1]);
  const xTest = tf.tensor2d(test.xs, [N_TEST, NUM_FEATURES]);
  const yTest = tf.tensor2d(test.ys, [N_TEST, 1]);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 64, activation: 'relu', inputShape: [NUM_FEATURES] }));
  model.add(tf.layers.dense({ units: 64, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 1 }));

  const optimizer = tf.train.momentum(0.05, 0.9);
  const lossFn = (xb, yb) => tf.losses.meanSquaredError(yb, model.predict(xb));

  const epochLosses = [];
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    const order = tf.util.createShuffledIndices(N_TRAIN);
    let lossSum = 0;
    let microBatches = 0;
    let accumulated = null;
    for (let start = 0; start < N_TRAIN; start += MICRO_BATCH) {
      const ids = tf.tensor1d(Array.from(order.slice(start, start + MICRO_BATCH)), 'int32');
      const xb = tf.gather(xTrain, ids);
      const yb = tf.gather(yTrain, ids);
      const { value, grads } = tf.variableGrads(() => lossFn(xb, yb));
      lossSum += value.dataSync()[0];
      microBatches++;
      if (accumulated === null) {
        accumulated = grads;
      } else {
        for (const name of Object.keys(grads)) {
          const next = accumulated[name].add(grads[name]);
          tf.dispose([accumulated[name], grads[name]]);
          accumulated[name] = next;
        }
      }
      tf.dispose([ids, xb, yb, value]);

      if (microBatches % ACCUM_STEPS === 0) {
        optimizer.applyGradients(accumulated);
        tf.dispose(accumulated);
        accumulated = null;
      }
    }
    epochLosses.push(lossSum / microBatches);
  }

  const evaluate = (x, y) => tf.tidy(() => {
    const pred = model.predict(x);
    return [tf.losses.meanSquaredError(y, pred).dataSync()[0], tf.metrics.meanAbsoluteError(y, pred).mean().dataSync()[0]];
  });
  const [trainLoss, trainMae] = evaluate(xTrain, yTrain);
  const [testLoss, testMae] = evaluate(xTest, yTest);
  console.log(`loss ${epochLosses[0].toFixed(3)} -> ${epochLosses[EPOCHS - 1].toFixed(3)} (eval ${trainLoss.toFixed(3)}) mae ${trainMae.toFixed(3)} | test loss ${testLoss.toFixed(3)} test mae ${testMae.toFixed(3)}`);
}

main();
