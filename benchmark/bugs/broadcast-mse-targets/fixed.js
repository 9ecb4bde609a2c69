'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(4411);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Regression with a small MLP and our own training loop (optimizer.minimize + mean squared error).
// Synthetic "sensor" data: 5 standard-normal readings, the target is a smooth nonlinear mix of them
// plus a little noise. 800 rows for training, 200 held out.
const N_TRAIN = 800;
const N_TEST = 200;
const NUM_FEATURES = 5;
const BATCH = 32;
const EPOCHS = 25;

function makeRows(n) {
  const x = [];
  const y = [];
  for (let i = 0; i < n; i++) {
    const r = rng.array(NUM_FEATURES, () => rng.normal(0, 1));
    x.push(r);
    y.push(1.5 * r[0] - r[1] + 0.8 * r[2] * r[3] + Math.sin(2 * r[4]) + rng.normal(0, 0.1));
  }
  return { x, y };
}

function toTensors(rows) {
  const xs = tf.tensor2d(rows.x, [rows.x.length, NUM_FEATURES]);
  const ys = tf.tensor2d(rows.y, [rows.y.length, 1]);
  return { xs, ys };
}

const mse = (pred, target) => pred.sub(target).square().mean();

async function main() {
  await tf.setBackend('wasm');
  const train = toTensors(makeRows(N_TRAIN));
  const test = toTensors(makeRows(N_TEST));

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [NUM_FEATURES] }));
  model.add(tf.layers.dense({ units: 32, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 1 }));
  const optimizer = tf.train.adam(0.01);

  const order = Array.from({ length: N_TRAIN }, (_, i) => i);
  const losses = [];
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    tf.util.shuffle(order);
    let epochLoss = 0;
    const numBatches = Math.floor(N_TRAIN / BATCH);
    for (let b = 0; b < numBatches; b++) {
      const loss = tf.tidy(() => {
        const idx = tf.tensor1d(order.slice(b * BATCH, (b + 1) * BATCH), 'int32');
        const xb = train.xs.gather(idx);
        const yb = train.ys.gather(idx);
        return optimizer.minimize(() => mse(model.predict(xb), yb), true);
      });
      epochLoss += loss.dataSync()[0] / numBatches;
      loss.dispose();
    }
    losses.push(epochLoss);
  }

  const trainLoss = tf.tidy(() => mse(model.predict(train.xs), train.ys).dataSync()[0]);
  const testLoss = tf.tidy(() => mse(model.predict(test.xs), test.ys).dataSync()[0]);
  console.log(`loss ${losses[0].toFixed(3)} -> ${losses[losses.length - 1].toFixed(3)} train mse ${trainLoss.toFixed(3)} | test mse ${testLoss.toFixed(3)}`);
}

main();
