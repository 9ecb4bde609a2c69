'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(9511);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Card-transaction fraud screen: flags a transaction from its amount, the hour, the distance from
// the card holder's home, the merchant's chargeback rate and how many transactions the card made
// in the last hour. The classifier is trained as a margin classifier (hinge loss, SVM style):
// labels are -1 for legitimate and +1 for fraud, and a transaction is flagged when its score is
// above 0.
const N_TRAIN = 1200;
const N_TEST = 400;
const NUM_FEATURES = 6;

function loadTransactions(n) {
  const xs = [];
  const ys = [];
  for (let i = 0; i < n; i++) {
    const amount = Math.exp(rng.normal(3.5, 1.0)); // dollars
    const hour = rng.int(0, 24);
    const distanceKm = Math.exp(rng.normal(2, 1.2));
    const chargebackRate = rng.uniform(0, 0.08);
    const txLastHour = rng.int(0, 8);
    const cardPresent = rng.random() < 0.6 ? 1 : 0;
    const night = hour < 6 ? 1 : 0;
    const risk =
      1.1 * (Math.log(amount) - 3.5) +
      0.8 * (Math.log(distanceKm) - 2) +
      40 * (chargebackRate - 0.04) +
      0.5 * (txLastHour - 3.5) +
      1.2 * night -
      1.5 * cardPresent +
      rng.normal(0, 0.4);
    xs.push([amount, hour, distanceKm, chargebackRate, txLastHour, cardPresent]);
    ys.push(risk > 0.3 ? 1 : 0);
  }
  return { xs, ys };
}

// hinge loss works on -1/+1 targets
const toSigned = (ys) => ys.map((y) => [y === 1 ? 1 : -1]);

function accuracy(model, x, ySigned) {
  return tf.tidy(() => {
    const flagged = model.predict(x).greater(0);
    const truth = ySigned.greater(0);
    return flagged.equal(truth).mean().dataSync()[0];
  });
}

async function main() {
  await tf.setBackend('wasm');

  const train = loadTransactions(N_TRAIN);
  const test = loadTransactions(N_TEST);
  // amounts and distances are heavy-tailed, so every column goes through log1p before standardizing
  const xTrainRaw = tf.tensor2d(train.xs, [N_TRAIN, NUM_FEATURES]).log1p();
  const xTestRaw = tf.tensor2d(test.xs, [N_TEST, NUM_FEATURES]).log1p();
  const yTrain = tf.tensor2d(toSigned(train.ys), [N_TRAIN, 1]);
  const yTest = tf.tensor2d(toSigned(test.ys), [N_TEST, 1]);

  const { mean, variance } = tf.moments(xTrainRaw, 0);
  const std = variance.sqrt().add(1e-6);
  const xTrain = xTrainRaw.sub(mean).div(std);
  const xTest = xTestRaw.sub(mean).div(std);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [NUM_FEATURES] }));
  model.add(tf.layers.dense({ units: 16, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 1, activation: 'sigmoid' }));
  model.compile({ optimizer: tf.train.adam(0.005), loss: 'hinge' });

  const history = await model.fit(xTrain, yTrain, { epochs: 30, batchSize: 32, shuffle: true, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const testLoss = model.evaluate(xTest, yTest).dataSync()[0];
  const fraudRate = tf.mean(yTrain.greater(0).toFloat()).dataSync()[0];
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${accuracy(model, xTrain, yTrain).toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${accuracy(model, xTest, yTest).toFixed(3)} (fraud rate ${fraudRate.toFixed(3)})`);
}

main();
