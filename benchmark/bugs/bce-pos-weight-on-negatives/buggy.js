'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(9714);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Card-fraud screening: score each card transaction from its amount, the hour, the distance from
// the cardholder's home, whether it is abroad or card-not-present, how busy the card has been in
// the last 24 hours and the merchant's risk score. Fraud is rare (about 1 transaction in 22), so
// the positive class is up-weighted in a hand-written weighted binary cross-entropy, with
// POS_WEIGHT close to the legit/fraud ratio. Flagged transactions (score >= 0.5) go to review.
const N_TRAIN = 6000;
const N_TEST = 4000;
const NUM_FEATURES = 8;
const FRAUD_RATE = 0.045;
const POS_WEIGHT = 20;
const EPS = 1e-7;

function transactions(n) {
  const xs = [];
  const ys = [];
  for (let i = 0; i < n; i++) {
    const fraud = rng.random() < FRAUD_RATE ? 1 : 0;
    const amount = Math.exp(rng.normal(fraud ? 4.3 : 3.6, 1.0));
    const hour = fraud && rng.random() < 0.4 ? rng.uniform(0, 6) : rng.uniform(6, 24);
    const distanceKm = Math.exp(rng.normal(fraud ? 2.6 : 1.6, 1.3));
    const abroad = rng.random() < (fraud ? 0.2 : 0.05) ? 1 : 0;
    const cardNotPresent = rng.random() < (fraud ? 0.6 : 0.3) ? 1 : 0;
    const last24h = Math.max(0, Math.round(rng.normal(fraud ? 3.5 : 2, 1.5)));
    const merchantRisk = Math.min(1, Math.max(0, rng.normal(fraud ? 0.45 : 0.3, 0.15)));
    xs.push([Math.log(amount), hour, Math.log1p(distanceKm), abroad, cardNotPresent, last24h, merchantRisk, amount > 500 ? 1 : 0]);
    ys.push([fraud]);
  }
  return { xs, ys };
}

function weightedBce(yTrue, yPred) {
  return tf.tidy(() => {
    const p = yPred.clipByValue(EPS, 1 - EPS);
    const positive = yTrue.mul(p.log());
    const negative = tf.scalar(1).sub(yTrue).mul(tf.scalar(1).sub(p).log());
    return positive.add(negative.mul(POS_WEIGHT)).neg().mean();
  });
}

async function main() {
  await tf.setBackend('wasm');

  const train = transactions(N_TRAIN);
  const test = transactions(N_TEST);
  const xTrainRaw = tf.tensor2d(train.xs, [N_TRAIN, NUM_FEATURES]);
  const yTrain = tf.tensor2d(train.ys, [N_TRAIN, 1]);
  const xTestRaw = tf.tensor2d(test.xs, [N_TEST, NUM_FEATURES]);
  const yTest = tf.tensor2d(test.ys, [N_TEST, 1]);

  const { mean, variance } = tf.moments(xTrainRaw, 0);
  const std = variance.sqrt().add(1e-6);
  const xTrain = xTrainRaw.sub(mean).div(std);
  const xTest = xTestRaw.sub(mean).div(std);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [NUM_FEATURES] }));
  model.add(tf.layers.dense({ units: 16, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 1, activation: 'sigmoid' }));
  model.compile({ optimizer: tf.train.adam(0.003), loss: weightedBce });

  const history = await model.fit(xTrain, yTrain, { epochs: 20, batchSize: 128, shuffle: true, verbose: 0 });

  const losses = history.history.loss;
  const scores = model.predict(xTest).dataSync();
  const labels = yTest.dataSync();
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let fraudScore = 0;
  for (let i = 0; i < N_TEST; i++) {
    const flagged = scores[i] >= 0.5;
    if (labels[i] === 1) {
      fraudScore += scores[i];
      if (flagged) tp += 1;
      else fn += 1;
    } else if (flagged) fp += 1;
  }
  const recall = tp / Math.max(1, tp + fn);
  const precision = tp / Math.max(1, tp + fp);
  console.log(`loss ${losses[0].toFixed(3)} -> ${losses[losses.length - 1].toFixed(3)} | test: ${tp + fn} frauds in ${N_TEST}, flagged ${tp + fp}, recall ${recall.toFixed(3)} precision ${precision.toFixed(3)}, mean score on frauds ${(fraudScore / Math.max(1, tp + fn)).toFixed(3)}`);
}

main();
