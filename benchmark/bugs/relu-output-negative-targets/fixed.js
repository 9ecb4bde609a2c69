'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(4821);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Predict tomorrow's temperature anomaly (degrees C above/below the 30-year average for the date)
// from today's station readings, already standardized: today's anomaly, pressure change, humidity,
// wind speed, cloud cover and a seasonal term. Mean squared error, Adam.
const NUM_FEATURES = 6;

function makeDays(n) {
  const xs = [];
  const ys = [];
  for (let i = 0; i < n; i++) {
    const [anomaly, dPressure, humidity, wind, cloud, season] = rng.array(NUM_FEATURES, () => rng.normal(0, 1));
    const next =
      0.8 * anomaly + 0.6 * dPressure - 0.5 * humidity * cloud - 0.4 * Math.abs(wind) + 0.3 * season - 0.2 + rng.normal(0, 0.2);
    xs.push([anomaly, dPressure, humidity, wind, cloud, season]);
    ys.push([2.5 * next]);
  }
  return { xs, ys };
}

async function main() {
  await tf.setBackend('wasm');

  const train = makeDays(1200);
  const test = makeDays(400);
  const xTrain = tf.tensor2d(train.xs, [1200, NUM_FEATURES]);
  const yTrain = tf.tensor2d(train.ys, [1200, 1]);
  const xTest = tf.tensor2d(test.xs, [400, NUM_FEATURES]);
  const yTest = tf.tensor2d(test.ys, [400, 1]);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [NUM_FEATURES] }));
  model.add(tf.layers.dense({ units: 32, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 1 }));

  model.compile({ optimizer: tf.train.adam(0.01), loss: 'meanSquaredError', metrics: ['mae'] });

  const history = await model.fit(xTrain, yTrain, { epochs: 40, batchSize: 32, shuffle: true, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testMae] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} mae ${h.mae[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test mae ${testMae.toFixed(3)}`);
}

main();
