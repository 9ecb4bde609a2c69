'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(4821);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Fuel-economy regression: predict miles per gallon from a car's weight, horsepower,
// displacement and model year. Features are standardized with the training statistics,
// the target stays in mpg. Custom mini-batch loop with optimizer.minimize.
const N_TRAIN = 800;
const N_TEST = 200;
const BATCH = 32;
const EPOCHS = 40;

function makeCars(n) {
  const x = [];
  const y = [];
  for (let i = 0; i < n; i++) {
    const weight = rng.uniform(1600, 5000);
    const horsepower = 40 + 0.04 * weight + rng.normal(0, 20);
    const displacement = 0.09 * weight - 80 + rng.normal(0, 30);
    const year = rng.int(70, 83);
    const mpg = 9 + 45000 / weight - 0.03 * horsepower + 0.7 * (year - 76) + rng.normal(0, 1.5);
    x.push([weight, horsepower, displacement, year]);
    y.push([mpg]);
  }
  return { x, y };
}

async function main() {
  await tf.setBackend('wasm');

  const train = makeCars(N_TRAIN);
  const test = makeCars(N_TEST);
  const rawTrain = tf.tensor2d(train.x);
  const { mean, variance } = tf.moments(rawTrain, 0);
  const std = variance.sqrt();
  const xTrain = rawTrain.sub(mean).div(std);
  const xTest = tf.tensor2d(test.x).sub(mean).div(std);
  const yTrain = tf.tensor2d(train.y);
  const yTest = tf.tensor2d(test.y);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [4] }));
  model.add(tf.layers.dense({ units: 16, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 1 }));

  const optimizer = tf.train.adam(0.02);
  const losses = [];
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    const order = tf.util.createShuffledIndices(N_TRAIN);
    let epochLoss = 0;
    let batches = 0;
    for (let start = 0; start < N_TRAIN; start += BATCH) {
      const idx = Array.from(order.slice(start, start + BATCH));
      const cost = tf.tidy(() => {
        const xb = tf.gather(xTrain, idx);
        const yb = tf.gather(yTrain, idx);
        return optimizer.minimize(() => {
          const loss = tf.clipByValue(tf.losses.meanSquaredError(yb, model.predict(xb)), 0, 100); // cap the loss so one bad batch can't blow up the weights
          return loss;
        }, true);
      });
      epochLoss += cost.dataSync()[0];
      batches++;
      cost.dispose();
    }
    losses.push(epochLoss / batches);
  }

  const [trainMse, testMse, testMae] = tf.tidy(() => [
    tf.losses.meanSquaredError(yTrain, model.predict(xTrain)),
    tf.losses.meanSquaredError(yTest, model.predict(xTest)),
    tf.losses.absoluteDifference(yTest, model.predict(xTest)),
  ]).map((t) => t.dataSync()[0]);
  console.log(`loss ${losses[0].toFixed(3)} -> ${losses[losses.length - 1].toFixed(3)} train mse ${trainMse.toFixed(3)} | test mse ${testMse.toFixed(3)} test mae ${testMae.toFixed(3)}`);
}

main();
