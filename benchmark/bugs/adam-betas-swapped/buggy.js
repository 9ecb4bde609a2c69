'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(3390);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Regression: predict the energy use of a building from 6 standardized features with a small
// MLP. The target is a smooth nonlinear function of the features plus a little noise.
const NUM_FEATURES = 6;
const N_TRAIN = 800;
const N_TEST = 300;

function makeData(n) {
  const xs = [];
  const ys = [];
  for (let i = 0; i < n; i++) {
    const x = rng.array(NUM_FEATURES, () => rng.normal(0, 1));
    const y = Math.sin(x[0]) + 0.5 * x[1] * x[2] - 0.3 * x[3] * x[3] + 0.4 * x[4] + rng.normal(0, 0.1);
    xs.push(x);
    ys.push([y]);
  }
  return { xs: tf.tensor2d(xs, [n, NUM_FEATURES]), ys: tf.tensor2d(ys, [n, 1]) };
}

async function main() {
  await tf.setBackend('wasm');
  const train = makeData(N_TRAIN);
  const test = makeData(N_TEST);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [NUM_FEATURES] }));
  model.add(tf.layers.dense({ units: 32, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 1 }));
  model.compile({ optimizer: tf.train.adam(0.01, 0.999, 0.9), loss: 'meanSquaredError', metrics: ['mae'] });

  const history = await model.fit(train.xs, train.ys, { epochs: 30, batchSize: 32, shuffle: true, verbose: 0 });
  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testMae] = model.evaluate(test.xs, test.ys).map((t) => t.dataSync()[0]);
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} mae ${h.mae[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test mae ${testMae.toFixed(3)}`);
}

main();
