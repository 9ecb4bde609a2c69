'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(7352);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Credit-risk grading: assign a loan application to one of 3 risk grades (low / medium / high)
// from 8 standardized applicant features (income, debt ratio, credit history length, ...). The
// grade follows a nonlinear score of the features. The training settings for this task are
// merged with the team's shared defaults for training jobs.
const GRADES = ['low', 'medium', 'high'];
const N_FEATURES = 8;
const N_TRAIN = 800;
const N_TEST = 400;

const DEFAULTS = { epochs: 1, learningRate: 0.0001, batchSize: 256, shuffle: true, verbose: 0 };
const userConfig = { epochs: 30, learningRate: 0.01, batchSize: 32 };
const cfg = { ...userConfig, ...DEFAULTS };

function makeApplications(n) {
  const xs = [];
  const labels = [];
  for (let i = 0; i < n; i++) {
    const x = rng.array(N_FEATURES, () => rng.normal(0, 1));
    const score = 1.2 * x[0] - 0.9 * x[1] + 0.6 * x[2] * x[3] + 0.8 * Math.tanh(2 * x[4]) - 0.5 * x[5] * x[5] + rng.normal(0, 0.2);
    labels.push(score < -0.6 ? 0 : score < 0.6 ? 1 : 2);
    xs.push(x);
  }
  return { xs, labels };
}

async function main() {
  await tf.setBackend('wasm');

  const train = makeApplications(N_TRAIN);
  const test = makeApplications(N_TEST);
  const xTrain = tf.tensor2d(train.xs, [N_TRAIN, N_FEATURES]);
  const yTrain = tf.oneHot(tf.tensor1d(train.labels, 'int32'), GRADES.length).toFloat();
  const xTest = tf.tensor2d(test.xs, [N_TEST, N_FEATURES]);
  const yTest = tf.oneHot(tf.tensor1d(test.labels, 'int32'), GRADES.length).toFloat();

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [N_FEATURES] }));
  model.add(tf.layers.dense({ units: 32, activation: 'relu' }));
  model.add(tf.layers.dense({ units: GRADES.length, activation: 'softmax' }));
  const optimizer = tf.train.adam(cfg.learningRate);
  model.compile({ optimizer, loss: 'categoricalCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(xTrain, yTrain, { epochs: cfg.epochs, batchSize: cfg.batchSize, shuffle: cfg.shuffle, verbose: cfg.verbose });
  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testAcc] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  console.log(`${h.loss.length} epochs: loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
