'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(5127);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Fuel consumption (litres per 100 km) of a car from 7 standardized attributes: engine size,
// weight, power, aerodynamic drag, tyre width, share of city driving, driver aggressiveness.
// Small MLP regressor trained with model.fit and RMSprop (rho 0.9, learning rate 1e-3).
const FEATURES = ['engine', 'weight', 'power', 'drag', 'tyres', 'city', 'aggressive'];
const N_TRAIN = 1200;
const N_TEST = 400;
const EPOCHS = 40;
const BATCH_SIZE = 32;

function makeCars(n) {
  const xs = [];
  const ys = [];
  for (let i = 0; i < n; i++) {
    const x = rng.array(FEATURES.length, () => rng.normal(0, 1));
    const base = 7 + 1.2 * x[0] + 0.9 * x[1] + 0.4 * x[2] + 0.5 * x[3] + 0.2 * x[4];
    const usage = 1 + 0.12 * x[5] + 0.08 * x[6] + 0.05 * x[5] * x[6];
    ys.push([Math.max(3, base * usage + 0.3 * x[0] * x[1] + rng.normal(0, 0.3))]);
    xs.push(x);
  }
  return { xs, ys };
}

async function main() {
  await tf.setBackend('wasm');

  const train = makeCars(N_TRAIN);
  const test = makeCars(N_TEST);
  const xTrain = tf.tensor2d(train.xs, [N_TRAIN, FEATURES.length]);
  const yTrain = tf.tensor2d(train.ys, [N_TRAIN, 1]);
  const xTest = tf.tensor2d(test.xs, [N_TEST, FEATURES.length]);
  const yTest = tf.tensor2d(test.ys, [N_TEST, 1]);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [FEATURES.length] }));
  model.add(tf.layers.dense({ units: 16, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 1 }));
  const optimizer = tf.train.rmsprop(0.9, 0.001);
  model.compile({ optimizer, loss: 'meanSquaredError', metrics: ['mae'] });

  const history = await model.fit(xTrain, yTrain, { epochs: EPOCHS, batchSize: BATCH_SIZE, shuffle: true, verbose: 0 });
  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testMae] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} mae ${h.mae[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test mae ${testMae.toFixed(3)}`);
}

main();
