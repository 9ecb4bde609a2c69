'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(2871);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Food-delivery orders: one network with a shared trunk and two heads predicts the delivery
// duration in seconds (regression, MSE) and whether the customer will file a complaint about
// the order (sigmoid, binary cross-entropy). Eight standardized order features: distance,
// basket size, traffic index, restaurant load, rain intensity, rush-hour offset, courier
// experience and packaging score.
const N_FEATURES = 8;
const N_TRAIN = 1500;
const N_TEST = 500;

function makeOrders(n) {
  const xs = [];
  const durations = [];
  const complaints = [];
  for (let i = 0; i < n; i++) {
    const x = rng.array(N_FEATURES, () => rng.normal(0, 1));
    const seconds = 1800 + 500 * x[0] + 250 * x[1] + 150 * x[2] * x[2] + 80 * x[3] + rng.normal(0, 120);
    const unhappy = 2 * x[4] * x[5] - 0.4 * x[6] + 0.3 * x[7] + rng.normal(0, 0.3);
    xs.push(x);
    durations.push([seconds]);
    complaints.push([unhappy > 0 ? 1 : 0]);
  }
  return { xs, durations, complaints };
}

async function main() {
  await tf.setBackend('wasm');

  const train = makeOrders(N_TRAIN);
  const test = makeOrders(N_TEST);
  const xTrain = tf.tensor2d(train.xs, [N_TRAIN, N_FEATURES]);
  const yDurTrain = tf.tensor2d(train.durations, [N_TRAIN, 1]).div(1000);
  const yComTrain = tf.tensor2d(train.complaints, [N_TRAIN, 1]);
  const xTest = tf.tensor2d(test.xs, [N_TEST, N_FEATURES]);
  const yDurTest = tf.tensor2d(test.durations, [N_TEST, 1]);
  const yComTest = tf.tensor2d(test.complaints, [N_TEST, 1]);

  const input = tf.input({ shape: [N_FEATURES] });
  const h1 = tf.layers.dense({ units: 64, activation: 'relu' }).apply(input);
  const h2 = tf.layers.dense({ units: 32, activation: 'relu' }).apply(h1);
  const duration = tf.layers.dense({ units: 1, name: 'duration' }).apply(h2);
  const complaint = tf.layers.dense({ units: 1, activation: 'sigmoid', name: 'complaint' }).apply(h2);
  const model = tf.model({ inputs: input, outputs: [duration, complaint] });
  model.compile({ optimizer: tf.train.adam(0.001), loss: ['meanSquaredError', 'binaryCrossentropy'] });

  const history = await model.fit(xTrain, [yDurTrain, yComTrain], { epochs: 30, batchSize: 32, shuffle: true, verbose: 0 });
  const h = history.history;
  const last = h.loss.length - 1;

  const [predDur, predCom] = model.predict(xTest);
  const testMae = tf.metrics.meanAbsoluteError(yDurTest, predDur.mul(1000)).mean().dataSync()[0];
  const testBce = tf.metrics.binaryCrossentropy(yComTest, predCom).mean().dataSync()[0];
  const testAcc = tf.metrics.binaryAccuracy(yComTest, predCom).mean().dataSync()[0];
  console.log(`duration loss ${h.duration_loss[0].toExponential(2)} -> ${h.duration_loss[last].toExponential(2)}, complaint loss ${h.complaint_loss[0].toFixed(3)} -> ${h.complaint_loss[last].toFixed(3)} | test duration mae ${testMae.toFixed(0)} s, complaint bce ${testBce.toFixed(3)} acc ${testAcc.toFixed(3)}`);
}

main();
