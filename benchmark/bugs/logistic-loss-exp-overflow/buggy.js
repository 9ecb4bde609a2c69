'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(9683);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Card-fraud screening with a plain linear scorer f(x) = w.x + b, labels +1 (fraud) / -1 (legit),
// trained on the logistic loss log(1 + exp(-y f(x))) in a small custom loop. The features stay in
// their business units (dollars, counts, days, km) so the fitted weights can be read directly by
// the risk team; a linear model is scale-equivariant and Adam adapts the step per weight anyway.
const FEATURES = ['amount', 'avgAmount30d', 'txLast24h', 'accountAgeDays', 'distanceKm'];
const N_TRAIN = 4000;
const N_TEST = 1000;
const EPOCHS = 15;
const BATCH_SIZE = 100;
const LEARNING_RATE = 0.01;

function makeTransactions(n) {
  const xs = [];
  const ys = [];
  for (let i = 0; i < n; i++) {
    const avgAmount = rng.uniform(20, 600);
    const amount = Math.max(1, avgAmount * Math.exp(rng.normal(0, 0.9)));
    const txLast24h = rng.int(0, 30);
    const accountAgeDays = rng.int(5, 3000);
    const distanceKm = Math.abs(rng.normal(0, 150));
    const risk = 0.004 * (amount - 2 * avgAmount) + 0.2 * (txLast24h - 12) - 0.0015 * (accountAgeDays - 800) + 0.01 * (distanceKm - 120);
    const fraud = rng.random() < 1 / (1 + Math.exp(-2 * risk));
    xs.push([amount, avgAmount, txLast24h, accountAgeDays, distanceKm]);
    ys.push(fraud ? 1 : -1);
  }
  return { xs, ys };
}

async function main() {
  await tf.setBackend('wasm');

  const train = makeTransactions(N_TRAIN);
  const test = makeTransactions(N_TEST);
  const xTrain = tf.tensor2d(train.xs, [N_TRAIN, FEATURES.length]);
  const yTrain = tf.tensor2d(train.ys, [N_TRAIN, 1]);
  const xTest = tf.tensor2d(test.xs, [N_TEST, FEATURES.length]);
  const yTest = tf.tensor2d(test.ys, [N_TEST, 1]);

  const scorer = tf.sequential();
  scorer.add(tf.layers.dense({ units: 1, inputShape: [FEATURES.length] }));

  // logistic loss for +-1 labels
  const logisticLoss = (y, f) => tf.log(tf.exp(y.mul(f).neg()).add(1)).mean();

  const optimizer = tf.train.adam(LEARNING_RATE);
  const numBatches = N_TRAIN / BATCH_SIZE;
  const losses = [];
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    const order = tf.util.createShuffledIndices(N_TRAIN);
    let epochLoss = 0;
    for (let b = 0; b < numBatches; b++) {
      const idx = tf.tensor1d(Array.from(order.slice(b * BATCH_SIZE, (b + 1) * BATCH_SIZE)), 'int32');
      const xb = xTrain.gather(idx);
      const yb = yTrain.gather(idx);
      const cost = optimizer.minimize(() => logisticLoss(yb, scorer.apply(xb)), true);
      epochLoss += cost.dataSync()[0] / numBatches;
      tf.dispose([idx, xb, yb, cost]);
    }
    losses.push(epochLoss);
  }

  const accuracy = (x, y) => tf.tidy(() => {
    const pred = tf.where(scorer.predict(x).greater(0), tf.onesLike(y), tf.onesLike(y).neg());
    return pred.equal(y).toFloat().mean().dataSync()[0];
  });
  const testLoss = tf.tidy(() => logisticLoss(yTest, scorer.predict(xTest)).dataSync()[0]);
  const fraudRate = train.ys.filter((y) => y === 1).length / N_TRAIN;
  console.log(`loss ${losses[0].toFixed(4)} -> ${losses[EPOCHS - 1].toFixed(4)} train acc ${accuracy(xTrain, yTrain).toFixed(3)} (fraud rate ${fraudRate.toFixed(3)}) | test loss ${testLoss.toFixed(4)} test acc ${accuracy(xTest, yTest).toFixed(3)}`);
}

main();
