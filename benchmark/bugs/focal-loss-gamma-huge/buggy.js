'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(5077);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Predictive maintenance: will a pump fail within the next week? Inputs are 10 standardized
// summaries of its vibration, temperature and pressure sensors; only about one pump in ten
// fails, so the classifier is trained with a focal loss (alpha-weighted for the rare failure
// class) instead of plain binary cross-entropy.
const N_FEATURES = 10;
const N_TRAIN = 2000;
const N_TEST = 1000;

const ALPHA = 0.75;
const GAMMA = 20;

const wear = rng.array(N_FEATURES, () => rng.normal(0, 0.7));

function makePumps(n) {
  const xs = [];
  const ys = [];
  for (let i = 0; i < n; i++) {
    const x = rng.array(N_FEATURES, () => rng.normal(0, 1));
    let s = -3.2;
    for (let j = 0; j < N_FEATURES; j++) s += wear[j] * x[j];
    s += 0.6 * x[2] * x[3] + rng.normal(0, 0.5);
    xs.push(x);
    ys.push([s > 0 ? 1 : 0]);
  }
  return { xs, ys };
}

function focalLoss(yTrue, yPred) {
  const p = tf.clipByValue(yPred, 1e-7, 1 - 1e-7);
  const pt = yTrue.mul(p).add(tf.sub(1, yTrue).mul(tf.sub(1, p)));
  const alphaT = yTrue.mul(ALPHA).add(tf.sub(1, yTrue).mul(1 - ALPHA));
  return alphaT.mul(tf.pow(tf.sub(1, pt), GAMMA)).mul(tf.log(pt)).neg().mean();
}

async function main() {
  await tf.setBackend('wasm');
  const train = makePumps(N_TRAIN);
  const test = makePumps(N_TEST);
  const xTrain = tf.tensor2d(train.xs, [N_TRAIN, N_FEATURES]);
  const yTrain = tf.tensor2d(train.ys, [N_TRAIN, 1]);
  const xTest = tf.tensor2d(test.xs, [N_TEST, N_FEATURES]);
  const yTest = tf.tensor2d(test.ys, [N_TEST, 1]);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [N_FEATURES] }));
  model.add(tf.layers.dense({ units: 16, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 1, activation: 'sigmoid' }));
  model.compile({ optimizer: tf.train.sgd(0.1), loss: focalLoss, metrics: ['binaryAccuracy'] });

  const history = await model.fit(xTrain, yTrain, { epochs: 30, batchSize: 32, shuffle: true, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const [testAcc, tp, predicted, failures] = tf.tidy(() => {
    const flagged = model.predict(xTest).greater(0.5).toFloat();
    return [flagged.equal(yTest).mean(), flagged.mul(yTest).sum(), flagged.sum(), yTest.sum()].map((t) => t.dataSync()[0]);
  });
  const recall = tp / failures;
  const precision = predicted > 0 ? tp / predicted : 0;
  const f1 = recall + precision > 0 ? (2 * recall * precision) / (recall + precision) : 0;
  console.log(`loss ${h.loss[0].toExponential(2)} -> ${h.loss[last].toExponential(2)} acc ${h.binaryAccuracy[last].toFixed(3)} | test acc ${testAcc.toFixed(3)} (no-failure baseline ${(1 - failures / N_TEST).toFixed(3)}) failure recall ${recall.toFixed(3)} precision ${precision.toFixed(3)} f1 ${f1.toFixed(3)}`);
}

main();
