'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(6207);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Concrete strength: predict the 28-day compressive strength (standardized) of a concrete mix from
// 8 standardized mix proportions (cement, water, slag, fly ash, ...). A bagged ensemble of two
// identical MLPs, each fitted on its own bootstrap resample of the training mixes, with Adam and
// an exponential learning-rate decay applied after every epoch; predictions are averaged.
const NUM_FEATURES = 8;
const N_TRAIN = 600;
const N_TEST = 300;
const N_MEMBERS = 2;
const EPOCHS = 25;
const LEARNING_RATE = 0.01;
const LR_DECAY = 0.85;

const w1 = rng.array(NUM_FEATURES, () => rng.normal(0, 0.5));
const w2 = rng.array(NUM_FEATURES, () => rng.normal(0, 0.5));

function makeMixes(n) {
  const xs = [];
  const ys = [];
  for (let i = 0; i < n; i++) {
    const x = rng.array(NUM_FEATURES, () => rng.normal(0, 1));
    const a = x.reduce((s, v, j) => s + v * w1[j], 0);
    const b = x.reduce((s, v, j) => s + v * w2[j], 0);
    xs.push(x);
    ys.push([1.5 * Math.sin(a) + 0.6 * b * b - 0.5 + 0.1 * rng.normal(0, 1)]);
  }
  return { xs, ys };
}

function buildModel() {
  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [NUM_FEATURES] }));
  model.add(tf.layers.dense({ units: 32, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 1 }));
  return model;
}

async function main() {
  await tf.setBackend('wasm');

  const train = makeMixes(N_TRAIN);
  const test = makeMixes(N_TEST);
  const xTest = tf.tensor2d(test.xs, [N_TEST, NUM_FEATURES]);
  const yTest = tf.tensor2d(test.ys, [N_TEST, 1]);

  const members = [];
  const summaries = [];
  for (let k = 0; k < N_MEMBERS; k++) {
    const optimizer = tf.train.adam(LEARNING_RATE);
    const sample = rng.array(N_TRAIN, () => rng.int(0, N_TRAIN));
    const xBoot = tf.tensor2d(sample.map((i) => train.xs[i]), [N_TRAIN, NUM_FEATURES]);
    const yBoot = tf.tensor2d(sample.map((i) => train.ys[i]), [N_TRAIN, 1]);
    const model = buildModel();
    model.compile({ optimizer, loss: 'meanSquaredError', metrics: ['mae'] });
    const lrDecay = { onEpochEnd: async () => { model.optimizer.learningRate *= LR_DECAY; } };
    const history = await model.fit(xBoot, yBoot, { epochs: EPOCHS, batchSize: 32, shuffle: true, callbacks: lrDecay, verbose: 0 });
    const loss = history.history.loss;
    const testMse = tf.tidy(() => tf.losses.meanSquaredError(yTest, model.predict(xTest)).dataSync()[0]);
    summaries.push(`member ${k + 1} loss ${loss[0].toFixed(3)} -> ${loss[loss.length - 1].toFixed(3)} test mse ${testMse.toFixed(3)}`);
    members.push(model);
  }

  const ensembleMse = tf.tidy(() => {
    const preds = members.map((m) => m.predict(xTest));
    return tf.losses.meanSquaredError(yTest, tf.addN(preds).div(members.length)).dataSync()[0];
  });
  const testVar = tf.tidy(() => tf.moments(yTest).variance.dataSync()[0]);
  console.log(`${summaries.join(' | ')} | ensemble test mse ${ensembleMse.toFixed(3)} (variance of test targets ${testVar.toFixed(3)})`);
}

main();
