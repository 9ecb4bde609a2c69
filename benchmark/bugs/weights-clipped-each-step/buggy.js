'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(6217);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Remaining battery capacity (in Ah) of a used e-bike pack, predicted from 8 standardized
// diagnostics (cycle count, internal resistance, temperature history, ...). Small MLP trained
// with a hand-written mini-batch loop: RMSprop step, then the weights are kept in a small box.
const N_FEATURES = 8;
const N_TRAIN = 1000;
const N_TEST = 300;

const EPOCHS = 30;
const BATCH_SIZE = 32;
const LEARNING_RATE = 0.002;
const CLIP_VALUE = 0.01;

function makePacks(n) {
  const xs = [];
  const ys = [];
  for (let i = 0; i < n; i++) {
    const f = rng.array(N_FEATURES, () => rng.normal(0, 1));
    const capacity = 12 - 1.8 * f[0] - 1.2 * f[1] + 0.8 * Math.tanh(f[2]) - 0.5 * f[3] * f[4] + 0.4 * f[5] + rng.normal(0, 0.3);
    xs.push(f);
    ys.push([capacity]);
  }
  return { xs, ys };
}

async function main() {
  await tf.setBackend('wasm');

  const train = makePacks(N_TRAIN);
  const test = makePacks(N_TEST);
  const xTrain = tf.tensor2d(train.xs, [N_TRAIN, N_FEATURES]);
  const yTrain = tf.tensor2d(train.ys, [N_TRAIN, 1]);
  const xTest = tf.tensor2d(test.xs, [N_TEST, N_FEATURES]);
  const yTest = tf.tensor2d(test.ys, [N_TEST, 1]);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [N_FEATURES] }));
  model.add(tf.layers.dense({ units: 32, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 1 }));

  const optimizer = tf.train.rmsprop(LEARNING_RATE);
  const numBatches = Math.ceil(N_TRAIN / BATCH_SIZE);
  const losses = [];

  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    const order = tf.util.createShuffledIndices(N_TRAIN);
    let epochLoss = 0;
    for (let b = 0; b < numBatches; b++) {
      const batchIdx = Array.from(order.slice(b * BATCH_SIZE, (b + 1) * BATCH_SIZE));
      const cost = tf.tidy(() => {
        const idx = tf.tensor1d(batchIdx, 'int32');
        const xb = xTrain.gather(idx);
        const yb = yTrain.gather(idx);
        return optimizer.minimize(() => tf.losses.meanSquaredError(yb, model.apply(xb, { training: true })), true);
      });
      epochLoss += cost.dataSync()[0] / numBatches;
      cost.dispose();

      tf.tidy(() => {
        for (const w of model.trainableWeights) w.write(tf.clipByValue(w.read(), -CLIP_VALUE, CLIP_VALUE));
      });
    }
    losses.push(epochLoss);
  }

  const evaluate = (x, y) =>
    tf.tidy(() => {
      const pred = model.predict(x);
      const mse = tf.losses.meanSquaredError(y, pred).dataSync()[0];
      const mae = tf.losses.absoluteDifference(y, pred).dataSync()[0];
      const r2 = 1 - mse / tf.moments(y).variance.dataSync()[0];
      return [mse, mae, r2];
    });
  const [trainMse, trainMae] = evaluate(xTrain, yTrain);
  const [testMse, testMae, testR2] = evaluate(xTest, yTest);
  console.log(`loss ${losses[0].toFixed(3)} -> ${losses[losses.length - 1].toFixed(3)} train mse ${trainMse.toFixed(3)} mae ${trainMae.toFixed(3)} | test mse ${testMse.toFixed(3)} test mae ${testMae.toFixed(3)} test r2 ${testR2.toFixed(3)}`);
}

main();
