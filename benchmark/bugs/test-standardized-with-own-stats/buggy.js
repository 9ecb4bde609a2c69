'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(2938);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Hourly energy use (kWh) of an office building from outdoor temperature (deg C), occupancy
// (people in the building) and hour of day. The model is trained on spring logs (mild
// weather, from cool mornings to warm afternoons) and checked on the logs of the following July,
// when the cooling load is high. Heating kicks in below ~12 C, cooling above ~22 C.
const N_TRAIN = 1500;
const N_TEST = 400;
const F = 3;

function makeLogs(n, tempMean, tempStd) {
  const x = [];
  const y = [];
  for (let i = 0; i < n; i++) {
    const hour = rng.int(6, 20);
    const temp = tempMean + tempStd * rng.normal(0, 1) + 3 * Math.sin(((hour - 9) / 12) * Math.PI);
    const occupancy = Math.max(0, Math.round(rng.normal(hour >= 8 && hour <= 17 ? 180 : 40, 30)));
    const heating = 4.0 * Math.max(0, 12 - temp);
    const cooling = 6.5 * Math.max(0, temp - 22);
    const kwh = 60 + 0.35 * occupancy + heating + cooling + rng.normal(0, 5);
    x.push([temp, occupancy, hour]);
    y.push([kwh]);
  }
  return { x, y };
}

function standardize(x, stats) {
  return x.sub(stats.mean).div(stats.variance.sqrt());
}

async function main() {
  await tf.setBackend('wasm');
  const spring = makeLogs(N_TRAIN, 16, 6);
  const july = makeLogs(N_TEST, 28, 3);
  const xTrainRaw = tf.tensor2d(spring.x, [N_TRAIN, F]);
  const yTrain = tf.tensor2d(spring.y, [N_TRAIN, 1]);
  const xTestRaw = tf.tensor2d(july.x, [N_TEST, F]);
  const yTest = tf.tensor2d(july.y, [N_TEST, 1]);

  const trainStats = tf.moments(xTrainRaw, 0);
  const xTrain = standardize(xTrainRaw, trainStats);
  const xTest = standardize(xTestRaw, tf.moments(xTestRaw, 0));

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [F] }));
  model.add(tf.layers.dense({ units: 32, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 1 }));
  model.compile({ optimizer: tf.train.adam(0.01), loss: 'meanSquaredError', metrics: ['mae'] });

  const history = await model.fit(xTrain, yTrain, { epochs: 40, batchSize: 32, shuffle: true, verbose: 0 });
  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testMae] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  const testMean = july.y.reduce((s, v) => s + v[0], 0) / N_TEST;
  console.log(`loss ${h.loss[0].toFixed(1)} -> ${h.loss[last].toFixed(1)} mae ${h.mae[last].toFixed(2)} | test loss ${testLoss.toFixed(1)} test mae ${testMae.toFixed(2)} kWh (test mean ${testMean.toFixed(0)} kWh)`);
}

main();
