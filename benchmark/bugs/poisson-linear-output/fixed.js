'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(2287);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Support line of a small utility company: predict the number of calls in an hour from five
// standardized features (time-of-day signal, weekday flag, temperature, open outage tickets,
// bill-run flag). Calls arrive as Poisson counts around a log-linear rate, so the network is
// trained with the Poisson loss and its output is read as the expected number of calls.
const N_TRAIN = 1500;
const N_TEST = 400;
const NUM_FEATURES = 5;

function poissonSample(rate) {
  // Knuth's method: multiply uniforms until the product drops below exp(-rate).
  const limit = Math.exp(-rate);
  let k = 0;
  let p = rng.random();
  while (p > limit) {
    k++;
    p *= rng.random();
  }
  return k;
}

function makeHours(n) {
  const xs = [];
  const calls = [];
  for (let i = 0; i < n; i++) {
    const x = rng.array(NUM_FEATURES, () => rng.normal(0, 1));
    const logRate = 0.8 + 0.45 * x[0] + 0.3 * x[1] - 0.2 * x[2] * x[2] + 0.35 * x[3] + 0.25 * x[1] * x[4];
    xs.push(x);
    calls.push([poissonSample(Math.exp(logRate))]);
  }
  return { xs, calls };
}

async function main() {
  await tf.setBackend('wasm');

  const train = makeHours(N_TRAIN);
  const test = makeHours(N_TEST);
  const xTrain = tf.tensor2d(train.xs, [N_TRAIN, NUM_FEATURES]);
  const yTrain = tf.tensor2d(train.calls, [N_TRAIN, 1]);
  const xTest = tf.tensor2d(test.xs, [N_TEST, NUM_FEATURES]);
  const yTest = tf.tensor2d(test.calls, [N_TEST, 1]);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [NUM_FEATURES] }));
  model.add(tf.layers.dense({ units: 16, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 1, activation: 'softplus' }));
  model.compile({ optimizer: tf.train.adam(0.01), loss: 'poisson', metrics: ['mae'] });

  const history = await model.fit(xTrain, yTrain, { epochs: 40, batchSize: 32, shuffle: true, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testMae] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  const meanCalls = train.calls.reduce((s, [c]) => s + c, 0) / N_TRAIN;
  const baselineMae = test.calls.reduce((s, [c]) => s + Math.abs(c - meanCalls), 0) / N_TEST;
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} mae ${h.mae[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test mae ${testMae.toFixed(3)} calls (predict-the-mean mae ${baselineMae.toFixed(3)})`);
}

main();
