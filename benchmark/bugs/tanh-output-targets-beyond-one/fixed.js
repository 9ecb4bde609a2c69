'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(2906);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Forecast tomorrow's change in daily high temperature (degrees C, can be negative) from eight
// standardized readings taken today: pressure trend, humidity, wind components, cloud cover, etc.
const NUM_FEATURES = 8;

function makeDays(n) {
  const xs = [];
  const ys = [];
  for (let i = 0; i < n; i++) {
    const f = rng.array(NUM_FEATURES, () => rng.normal(0, 1));
    const change = 2.5 * f[0] - 1.8 * f[1] + 1.2 * f[2] * f[3] + 1.5 * Math.sin(1.5 * f[4]) - f[5] + rng.normal(0, 0.4);
    xs.push(f);
    ys.push([change]);
  }
  return { xs, ys };
}

async function main() {
  await tf.setBackend('wasm');

  const train = makeDays(1000);
  const test = makeDays(250);
  const xTrain = tf.tensor2d(train.xs, [1000, NUM_FEATURES]);
  const yTrain = tf.tensor2d(train.ys, [1000, 1]);
  const xTest = tf.tensor2d(test.xs, [250, NUM_FEATURES]);
  const yTest = tf.tensor2d(test.ys, [250, 1]);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [NUM_FEATURES] }));
  model.add(tf.layers.dense({ units: 32, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 1 }));

  model.compile({ optimizer: tf.train.adam(0.005), loss: 'meanSquaredError', metrics: ['mae'] });

  const history = await model.fit(xTrain, yTrain, { epochs: 50, batchSize: 32, shuffle: true, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testMae] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} mae ${h.mae[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test mae ${testMae.toFixed(3)}`);
}

main();
