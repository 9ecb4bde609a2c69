'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(5217);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Daily electricity use (kWh) of a household from six standardized daily features: outdoor
// temperature, humidity, hours of daylight, number of people at home, a weekend flag and the
// share of the day the heat pump ran. Days are logged in chronological order. A small MLP
// regressor is compared with the naive forecast "average of the last four weeks".
const N_FEATURES = 6;
const N_TRAIN = 900;
const N_TEST = 300;
const RECENT_DAYS = 28;

function makeDays(n) {
  const features = [];
  const kwh = [];
  for (let i = 0; i < n; i++) {
    const temp = rng.normal(0, 1);
    const humidity = rng.normal(0, 1);
    const daylight = rng.normal(0, 1);
    const people = rng.normal(0, 1);
    const weekend = rng.random() < 2 / 7 ? 1 : 0;
    const heatPump = rng.normal(0, 1);
    const use = 12 - 2.5 * temp + 0.8 * temp * temp + 0.6 * humidity - 1.2 * daylight + 2 * people + 1.5 * weekend + 1.8 * Math.tanh(heatPump) + rng.normal(0, 0.5);
    features.push([temp, humidity, daylight, people, weekend, heatPump]);
    kwh.push(use);
  }
  return { features, kwh };
}

const mean = (values) => values.reduce((s, v) => s + v, 0) / values.length;

async function main() {
  await tf.setBackend('wasm');

  const train = makeDays(N_TRAIN);
  const test = makeDays(N_TEST);

  const newestFirst = train.kwh.reverse();
  const recentAverage = mean(newestFirst.slice(0, RECENT_DAYS));

  const xTrain = tf.tensor2d(train.features, [N_TRAIN, N_FEATURES]);
  const yTrain = tf.tensor2d(train.kwh, [N_TRAIN, 1]);
  const xTest = tf.tensor2d(test.features, [N_TEST, N_FEATURES]);
  const yTest = tf.tensor2d(test.kwh, [N_TEST, 1]);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [N_FEATURES] }));
  model.add(tf.layers.dense({ units: 16, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 1 }));
  model.compile({ optimizer: tf.train.adam(0.01), loss: 'meanSquaredError', metrics: ['mae'] });

  const history = await model.fit(xTrain, yTrain, { epochs: 40, batchSize: 32, shuffle: true, verbose: 0 });
  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testMae] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  const baselineMae = mean(test.kwh.map((v) => Math.abs(v - recentAverage)));
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} mae ${h.mae[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test mae ${testMae.toFixed(3)} (recent-average baseline mae ${baselineMae.toFixed(3)})`);
}

main();
