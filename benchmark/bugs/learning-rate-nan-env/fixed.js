'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(3907);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// House-price style regression on a synthetic table: 8 standardized features, the price being a
// smooth nonlinear function of them plus noise. Hyperparameters can be set from the shell, e.g.
//   LEARNING_RATE=0.003 EPOCHS=60 node train.js
const EPOCHS = Number(process.env.EPOCHS || 40);
const BATCH_SIZE = Number(process.env.BATCH_SIZE || 32);
const LEARNING_RATE = parseFloat(process.env.LEARNING_RATE) || 0.01;
const NUM_FEATURES = 8;

function makeHouses(n) {
  const xs = [];
  const ys = [];
  for (let i = 0; i < n; i++) {
    const f = rng.array(NUM_FEATURES, () => rng.normal(0, 1));
    const price = 1.5 * f[0] + Math.tanh(f[1] + f[2]) - 0.8 * f[3] * f[4] + 0.5 * Math.abs(f[5]) + 0.3 * f[6] + rng.normal(0, 0.2);
    xs.push(f);
    ys.push([price]);
  }
  return { xs, ys };
}

async function main() {
  await tf.setBackend('wasm');

  const train = makeHouses(1200);
  const test = makeHouses(300);
  const xTrain = tf.tensor2d(train.xs, [1200, NUM_FEATURES]);
  const yTrain = tf.tensor2d(train.ys, [1200, 1]);
  const xTest = tf.tensor2d(test.xs, [300, NUM_FEATURES]);
  const yTest = tf.tensor2d(test.ys, [300, 1]);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [NUM_FEATURES] }));
  model.add(tf.layers.dense({ units: 32, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 1 }));
  model.compile({ optimizer: tf.train.adam(LEARNING_RATE), loss: 'meanSquaredError', metrics: ['mae'] });

  const history = await model.fit(xTrain, yTrain, { epochs: EPOCHS, batchSize: BATCH_SIZE, shuffle: true, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testMae] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} mae ${h.mae[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test mae ${testMae.toFixed(3)}`);
}

main();
