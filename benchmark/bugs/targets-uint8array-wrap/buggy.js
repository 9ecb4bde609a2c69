'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(9158);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Hourly bike rentals at one station (0-500 bikes) from the weather and the time of day:
// temperature, humidity, wind, hour of day (as sin/cos) and a weekend flag. The counts are
// scaled to 0-1 for training and the error is reported back in bikes. 1200 training hours,
// 300 held-out hours.
const NUM_FEATURES = 6;
const N_TRAIN = 1200;
const N_TEST = 300;
const MAX_RENTALS = 500;

function makeRecords(n) {
  const features = new Float32Array(n * NUM_FEATURES);
  const rentals = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const temp = rng.uniform(0, 35);
    const humidity = rng.uniform(20, 100);
    const wind = rng.uniform(0, 40);
    const hour = rng.int(0, 24);
    const weekend = rng.random() < 2 / 7 ? 1 : 0;
    const daytime = Math.max(0, Math.sin((Math.PI * (hour - 5)) / 17));
    const rush = Math.max(Math.exp(-((hour - 8) ** 2) / 3), Math.exp(-((hour - 17) ** 2) / 3));
    const activity = weekend ? 0.2 + 0.8 * daytime : 0.2 + 0.3 * daytime + 0.5 * rush;
    const weather = (1 - Math.abs(temp - 22) / 40) * (1 - (0.3 * (humidity - 20)) / 80) * (1 - (0.3 * wind) / 40);
    const expected = 100 + 600 * weather * activity;
    const count = Math.round(Math.min(MAX_RENTALS, Math.max(0, expected + rng.normal(0, 15))));
    features.set([temp / 35, humidity / 100, wind / 40, Math.sin((2 * Math.PI * hour) / 24), Math.cos((2 * Math.PI * hour) / 24), weekend], i * NUM_FEATURES);
    rentals[i] = count;
  }
  return { features, rentals };
}

async function main() {
  await tf.setBackend('wasm');
  const train = makeRecords(N_TRAIN);
  const test = makeRecords(N_TEST);
  const xTrain = tf.tensor2d(train.features, [N_TRAIN, NUM_FEATURES]);
  const yTrain = tf.tensor2d(train.rentals, [N_TRAIN, 1]).div(MAX_RENTALS);
  const xTest = tf.tensor2d(test.features, [N_TEST, NUM_FEATURES]);
  const yTest = tf.tensor2d(test.rentals, [N_TEST, 1]).div(MAX_RENTALS);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [NUM_FEATURES] }));
  model.add(tf.layers.dense({ units: 32, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 1 }));
  model.compile({ optimizer: tf.train.adam(0.005), loss: 'meanSquaredError', metrics: ['mae'] });

  const history = await model.fit(xTrain, yTrain, { epochs: 60, batchSize: 32, shuffle: true, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testMae] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  console.log(`loss ${h.loss[0].toFixed(4)} -> ${h.loss[last].toFixed(4)} mae ${(h.mae[last] * MAX_RENTALS).toFixed(1)} bikes | test loss ${testLoss.toFixed(4)} test mae ${(testMae * MAX_RENTALS).toFixed(1)} bikes`);
}

main();
