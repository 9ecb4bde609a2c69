'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(4821);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Customer value tiers: yearly spend ranges from about $5 to $5000 (log-uniform), and 8
// behavioural features (visits, basket size, ...) follow the customer's spend level with noise.
// Spend is cut into five tiers at the quintiles of the training spend, and a small softmax
// classifier predicts the tier from the features.
const N_TRAIN = 1200;
const N_TEST = 400;
const N_FEATURES = 8;
const TIERS = ['bronze', 'silver', 'gold', 'platinum', 'diamond'];

const loadings = rng.array(N_FEATURES, () => rng.uniform(0.5, 1.5) * (rng.random() < 0.5 ? -1 : 1));

function makeCustomers(n) {
  const features = [];
  const spend = [];
  for (let i = 0; i < n; i++) {
    const level = rng.random();
    spend.push(Math.round(5 * Math.pow(1000, level)));
    features.push(loadings.map((a) => a * (2 * level - 1) * 3 + rng.normal(0, 1)));
  }
  return { features, spend };
}

function quantile(sorted, q) {
  return sorted[Math.floor(q * (sorted.length - 1))];
}

function toTier(value, cuts) {
  let tier = 0;
  while (tier < cuts.length && value >= cuts[tier]) tier++;
  return tier;
}

async function main() {
  await tf.setBackend('wasm');

  const train = makeCustomers(N_TRAIN);
  const test = makeCustomers(N_TEST);

  const sortedSpend = train.spend.slice().sort();
  const cuts = [0.2, 0.4, 0.6, 0.8].map((q) => quantile(sortedSpend, q));

  const yTrainIdx = train.spend.map((s) => toTier(s, cuts));
  const yTestIdx = test.spend.map((s) => toTier(s, cuts));
  const counts = TIERS.map((_, k) => yTrainIdx.filter((c) => c === k).length);

  const xTrain = tf.tensor2d(train.features);
  const xTest = tf.tensor2d(test.features);
  const yTrain = tf.oneHot(tf.tensor1d(yTrainIdx, 'int32'), TIERS.length);
  const yTest = tf.oneHot(tf.tensor1d(yTestIdx, 'int32'), TIERS.length);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 16, activation: 'relu', inputShape: [N_FEATURES] }));
  model.add(tf.layers.dense({ units: TIERS.length, activation: 'softmax' }));
  model.compile({ optimizer: tf.train.adam(0.01), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(xTrain, yTrain, { epochs: 30, batchSize: 32, shuffle: true, verbose: 0 });
  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testAcc] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);

  // Recall per tier on the test customers and its mean over the five tiers.
  const pred = model.predict(xTest).argMax(-1).arraySync();
  const recall = TIERS.map((_, k) => {
    const members = yTestIdx.map((c, i) => (c === k ? i : -1)).filter((i) => i >= 0);
    return members.filter((i) => pred[i] === k).length / Math.max(1, members.length);
  });
  const macroRecall = recall.reduce((a, b) => a + b, 0) / TIERS.length;

  console.log(`cuts $${cuts.join(' / $')} train tiers ${counts.join('/')} | test recall ${recall.map((r) => r.toFixed(2)).join('/')}`);
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)} macro recall ${macroRecall.toFixed(3)}`);
}

main();
