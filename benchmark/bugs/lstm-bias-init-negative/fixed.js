'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(9523);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Batch-reactor outcome prediction. Each run is logged for 20 minutes, one row per minute:
// jacket temperature deviation, stirrer load and pH drift. Which of three recipes the operator
// started decides how the batch ends up (on spec / off color / low yield); the recipe shows only
// in the dosing pulse of the first three minutes, after that the readings of all recipes look
// alike. An LSTM reads the whole log and a softmax gives the outcome.
const OUTCOMES = ['on-spec', 'off-color', 'low-yield'];
const STEPS = 20;
const CHANNELS = 3;
const N_TRAIN = 640;
const N_TEST = 300;

// dosing pulse per recipe over the first three minutes, for each channel
const PULSES = [
  [[2.0, 0.4, -0.8], [1.6, 0.2, -0.6], [1.0, 0.0, -0.4]],
  [[-1.2, 1.8, 0.6], [-1.0, 1.4, 0.4], [-0.6, 0.8, 0.2]],
  [[0.2, -1.6, 1.8], [0.0, -1.2, 1.4], [0.0, -0.6, 0.8]],
];

function logRuns(n) {
  const xs = [];
  const labels = [];
  for (let i = 0; i < n; i++) {
    const recipe = rng.int(0, OUTCOMES.length);
    const run = [];
    let drift = rng.normal(0, 0.3);
    for (let t = 0; t < STEPS; t++) {
      drift = 0.9 * drift + rng.normal(0, 0.15);
      const pulse = t < 3 ? PULSES[recipe][t] : [0, 0, 0];
      run.push([
        pulse[0] + drift + rng.normal(0, 0.25),
        pulse[1] + rng.normal(0, 0.25),
        pulse[2] - 0.5 * drift + rng.normal(0, 0.25),
      ]);
    }
    xs.push(run);
    labels.push(recipe);
  }
  return { xs, labels };
}

async function main() {
  await tf.setBackend('wasm');

  const train = logRuns(N_TRAIN);
  const test = logRuns(N_TEST);
  const xTrain = tf.tensor3d(train.xs, [N_TRAIN, STEPS, CHANNELS]);
  const yTrain = tf.oneHot(tf.tensor1d(train.labels, 'int32'), OUTCOMES.length).toFloat();
  const xTest = tf.tensor3d(test.xs, [N_TEST, STEPS, CHANNELS]);
  const yTest = tf.oneHot(tf.tensor1d(test.labels, 'int32'), OUTCOMES.length).toFloat();

  // one LSTM layer reads the whole log, a softmax gives the outcome
  const model = tf.sequential();
  model.add(tf.layers.lstm({
    units: 16,
    inputShape: [STEPS, CHANNELS],
    unitForgetBias: true,
    biasInitializer: 'zeros',
  }));
  model.add(tf.layers.dense({ units: OUTCOMES.length, activation: 'softmax' }));
  model.compile({ optimizer: tf.train.adam(0.01), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(xTrain, yTrain, { epochs: 12, batchSize: 64, shuffle: true, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testAcc] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
