'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(5127);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Distribution feeders: classify a feeder as residential (1) or commercial (0) from one day of
// hourly load readings in kW. Feeders range from a few hundred kW to several MW, so the model
// normalizes each day's sequence before the LSTM and only the daily shape of the load is used.
const STEPS = 24;
const N_TRAIN = 500;
const N_TEST = 200;

function dailyProfile(residential, hour, shift) {
  const h = hour - shift;
  if (residential) {
    const evening = Math.exp(-((h - 19) ** 2) / 6);
    const morning = 0.4 * Math.exp(-((h - 7) ** 2) / 3);
    return 0.35 + evening + morning;
  }
  const office = 1 / (1 + Math.exp(-(h - 8) * 1.5)) - 1 / (1 + Math.exp(-(h - 18) * 1.5));
  return 0.35 + office;
}

function makeDays(n) {
  const xs = [];
  const ys = [];
  for (let i = 0; i < n; i++) {
    const residential = rng.random() < 0.5 ? 1 : 0;
    const sizeKw = Math.exp(rng.uniform(Math.log(200), Math.log(5000)));
    const shift = rng.uniform(-2, 2);
    xs.push(rng.array(STEPS, (t) => [sizeKw * (dailyProfile(residential, t, shift) + rng.normal(0, 0.15))]));
    ys.push([residential]);
  }
  return { xs, ys };
}

async function main() {
  await tf.setBackend('wasm');

  const train = makeDays(N_TRAIN);
  const test = makeDays(N_TEST);

  const xTrain = tf.tensor3d(train.xs, [N_TRAIN, STEPS, 1]);
  const yTrain = tf.tensor2d(train.ys, [N_TRAIN, 1]);
  const xTest = tf.tensor3d(test.xs, [N_TEST, STEPS, 1]);
  const yTest = tf.tensor2d(test.ys, [N_TEST, 1]);

  const model = tf.sequential();
  model.add(tf.layers.layerNormalization({ inputShape: [STEPS, 1] }));
  model.add(tf.layers.lstm({ units: 8 }));
  model.add(tf.layers.dense({ units: 1, activation: 'sigmoid' }));
  model.compile({ optimizer: tf.train.adam(0.01), loss: 'binaryCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(xTrain, yTrain, { epochs: 10, batchSize: 32, shuffle: true, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testAcc] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
