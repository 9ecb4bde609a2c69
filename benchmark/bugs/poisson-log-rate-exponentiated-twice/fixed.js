'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(5521);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Staffing a customer call centre: predict the number of incoming calls in an hour from six
// standardized features (time-of-day signals, weekday flag, marketing e-mail sent, open incident
// count, temperature). Calls are Poisson counts around a log-linear rate. The network outputs the
// log of the hourly rate and is trained with the Poisson negative log-likelihood written in terms
// of the log-rate (as torch's PoissonNLLLoss), in a hand-written mini-batch loop.
const N_TRAIN = 1000;
const N_TEST = 400;
const NUM_FEATURES = 6;
const EPOCHS = 25;
const BATCH_SIZE = 32;

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
    const logRate = 2.4 + 0.5 * x[0] - 0.3 * x[1] * x[1] + 0.3 * x[2] + 0.25 * x[3] + 0.35 * x[4] - 0.15 * x[5];
    xs.push(x);
    calls.push([poissonSample(Math.exp(logRate))]);
  }
  return { xs, calls };
}

// Poisson negative log-likelihood (without the constant log(y!)) for a predicted log-rate.
function poissonNll(yTrue, logRate) {
  return tf.exp(logRate).sub(yTrue.mul(logRate)).mean();
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
  model.add(tf.layers.dense({ units: 1 }));

  // Expected calls per hour: the exponential of the network's log-rate output.
  const predictCalls = (x) => tf.exp(model.apply(x));

  const optimizer = tf.train.adam(0.005);
  const numBatches = Math.ceil(N_TRAIN / BATCH_SIZE);
  const losses = [];

  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    const order = tf.util.createShuffledIndices(N_TRAIN);
    let epochLoss = 0;
    for (let b = 0; b < numBatches; b++) {
      const batchIdx = Array.from(order.slice(b * BATCH_SIZE, (b + 1) * BATCH_SIZE));
      const cost = tf.tidy(() => {
        const idx = tf.tensor1d(batchIdx, 'int32');
        const xb = xTrain.gather(idx);
        const yb = yTrain.gather(idx);
        return optimizer.minimize(() => poissonNll(yb, model.apply(xb)), true);
      });
      epochLoss += cost.dataSync()[0] / numBatches;
      cost.dispose();
    }
    losses.push(epochLoss);
  }

  const evaluate = (x, y) =>
    tf.tidy(() => {
      const logRate = model.predict(x);
      const loss = poissonNll(y, logRate).dataSync()[0];
      const mae = tf.exp(logRate).sub(y).abs().mean().dataSync()[0];
      return [loss, mae];
    });
  const [, trainMae] = evaluate(xTrain, yTrain);
  const [testLoss, testMae] = evaluate(xTest, yTest);
  const meanCalls = train.calls.reduce((s, [c]) => s + c, 0) / N_TRAIN;
  const baselineMae = test.calls.reduce((s, [c]) => s + Math.abs(c - meanCalls), 0) / N_TEST;
  console.log(`loss ${losses[0].toFixed(3)} -> ${losses[losses.length - 1].toFixed(3)} mae ${trainMae.toFixed(3)} | test loss ${testLoss.toFixed(3)} test mae ${testMae.toFixed(3)} calls (predict-the-mean mae ${baselineMae.toFixed(3)})`);
}

main();
