'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(2718);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Two-task model on 10 standardized sensor readings: one head regresses the (standardized)
// energy use, the other predicts whether the unit needs maintenance (0/1). Both heads share
// a small dense trunk. compile() has no per-output loss weights in tfjs, so each head's loss
// is wrapped with its own weight.
const NUM_FEATURES = 10;
const N_TRAIN = 1000;
const N_TEST = 400;
const LOSS_WEIGHTS = { energy: 1, maintenance: 0 };

const weighted = (lossFn, w) => (yTrue, yPred) => lossFn(yTrue, yPred).mul(w);

function makeReadings(n) {
  const xs = [];
  const energy = [];
  const maintenance = [];
  for (let i = 0; i < n; i++) {
    const r = rng.array(NUM_FEATURES, () => rng.normal(0, 1));
    const e = 0.8 * r[0] - 0.5 * r[1] + 0.6 * r[2] * r[3] + 0.3 * Math.sin(2 * r[4]) + rng.normal(0, 0.1);
    const risk = r[5] + 0.8 * r[6] - 0.7 * r[7] * r[8] + 0.3 * r[9];
    xs.push(r);
    energy.push([e]);
    maintenance.push([risk > 0 ? 1 : 0]);
  }
  return { xs, energy, maintenance };
}

async function main() {
  await tf.setBackend('wasm');

  const train = makeReadings(N_TRAIN);
  const test = makeReadings(N_TEST);
  const xTrain = tf.tensor2d(train.xs, [N_TRAIN, NUM_FEATURES]);
  const eTrain = tf.tensor2d(train.energy, [N_TRAIN, 1]);
  const mTrain = tf.tensor2d(train.maintenance, [N_TRAIN, 1]);
  const xTest = tf.tensor2d(test.xs, [N_TEST, NUM_FEATURES]);
  const eTest = tf.tensor2d(test.energy, [N_TEST, 1]);
  const mTest = tf.tensor2d(test.maintenance, [N_TEST, 1]);

  const input = tf.input({ shape: [NUM_FEATURES] });
  const h1 = tf.layers.dense({ units: 64, activation: 'relu' }).apply(input);
  const h2 = tf.layers.dense({ units: 32, activation: 'relu' }).apply(h1);
  const energyOut = tf.layers.dense({ units: 1, name: 'energy' }).apply(h2);
  const maintOut = tf.layers.dense({ units: 1, activation: 'sigmoid', name: 'maintenance' }).apply(h2);
  const model = tf.model({ inputs: input, outputs: [energyOut, maintOut] });

  model.compile({
    optimizer: tf.train.adam(0.005),
    loss: [
      weighted(tf.metrics.meanSquaredError, LOSS_WEIGHTS.energy),
      weighted(tf.metrics.binaryCrossentropy, LOSS_WEIGHTS.maintenance),
    ],
  });

  const history = await model.fit(xTrain, [eTrain, mTrain], { epochs: 30, batchSize: 32, shuffle: true, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const headMetrics = (x, e, m) => tf.tidy(() => {
    const [ePred, mPred] = model.predict(x);
    const mse = tf.losses.meanSquaredError(e, ePred).dataSync()[0];
    const bce = tf.metrics.binaryCrossentropy(m, mPred).mean().dataSync()[0];
    const acc = tf.metrics.binaryAccuracy(m, mPred).mean().dataSync()[0];
    return { mse, bce, acc };
  });
  const tr = headMetrics(xTrain, eTrain, mTrain);
  const te = headMetrics(xTest, eTest, mTest);
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} | train energy mse ${tr.mse.toFixed(3)} maintenance bce ${tr.bce.toFixed(3)} acc ${tr.acc.toFixed(3)} | test energy mse ${te.mse.toFixed(3)} maintenance bce ${te.bce.toFixed(3)} acc ${te.acc.toFixed(3)}`);
}

main();
