'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(4821);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Customer tier classifier: 8 standardized account metrics, and the tier (0-3) is the band a
// weighted engagement score falls into. Two hidden blocks of dense + batch norm + relu, softmax
// output, categorical cross-entropy.
const NUM_TIERS = 4;
const NUM_FEATURES = 8;

const weights = rng.array(NUM_FEATURES, () => rng.normal(0, 1));

function makeAccounts(n) {
  const xs = [];
  const tiers = [];
  for (let i = 0; i < n; i++) {
    const metrics = rng.array(NUM_FEATURES, () => rng.normal(0, 1));
    const score = metrics.reduce((s, v, j) => s + v * weights[j], 0) / Math.sqrt(NUM_FEATURES);
    tiers.push(score < -0.67 ? 0 : score < 0 ? 1 : score < 0.67 ? 2 : 3);
    xs.push(metrics);
  }
  return { xs, tiers };
}

async function main() {
  await tf.setBackend('wasm');

  const train = makeAccounts(500);
  const test = makeAccounts(400);
  const xTrain = tf.tensor2d(train.xs, [500, NUM_FEATURES]);
  const yTrain = tf.oneHot(tf.tensor1d(train.tiers, 'int32'), NUM_TIERS).toFloat();
  const xTest = tf.tensor2d(test.xs, [400, NUM_FEATURES]);
  const yTest = tf.oneHot(tf.tensor1d(test.tiers, 'int32'), NUM_TIERS).toFloat();

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, inputShape: [NUM_FEATURES] }));
  model.add(tf.layers.batchNormalization({ momentum: 0.9 }));
  model.add(tf.layers.activation({ activation: 'relu' }));
  model.add(tf.layers.dense({ units: 32 }));
  model.add(tf.layers.batchNormalization({ momentum: 0.9 }));
  model.add(tf.layers.activation({ activation: 'relu' }));
  model.add(tf.layers.dense({ units: NUM_TIERS, activation: 'softmax' }));

  model.compile({ optimizer: tf.train.adam(0.02), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(xTrain, yTrain, { epochs: 3, batchSize: 2, shuffle: true, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testAcc] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
