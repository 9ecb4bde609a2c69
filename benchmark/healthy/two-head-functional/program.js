'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(26262);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Customer model with two inputs (6 standardized profile features, 4 standardized usage
// features) and two heads: next month's spend in $100s (regression) and churn (binary).
const NUM_PROFILE = 6;
const NUM_USAGE = 4;

function makeCustomers(n) {
  const profile = [];
  const usage = [];
  const spend = [];
  const churn = [];
  for (let i = 0; i < n; i++) {
    const p = rng.array(NUM_PROFILE, () => rng.normal(0, 1));
    const u = rng.array(NUM_USAGE, () => rng.normal(0, 1));
    profile.push(p);
    usage.push(u);
    spend.push([3 + 0.8 * p[0] + 0.5 * p[1] - 0.4 * p[2] + 0.9 * u[0] + 0.3 * u[1] * u[2] + rng.normal(0, 0.3)]);
    const churnLogit = -0.5 - 1.2 * u[0] + 1.0 * u[3] + 0.8 * p[3] - 0.6 * p[0] * u[1] + rng.normal(0, 0.4);
    churn.push([churnLogit > 0 ? 1 : 0]);
  }
  return { profile, usage, spend, churn };
}

async function main() {
  await tf.setBackend('wasm');
  const train = makeCustomers(1500);
  const test = makeCustomers(500);
  const profileTrain = tf.tensor2d(train.profile, [1500, NUM_PROFILE]);
  const usageTrain = tf.tensor2d(train.usage, [1500, NUM_USAGE]);
  const spendTrain = tf.tensor2d(train.spend, [1500, 1]);
  const churnTrain = tf.tensor2d(train.churn, [1500, 1]);
  const profileTest = tf.tensor2d(test.profile, [500, NUM_PROFILE]);
  const usageTest = tf.tensor2d(test.usage, [500, NUM_USAGE]);
  const spendTest = tf.tensor2d(test.spend, [500, 1]);
  const churnTest = tf.tensor2d(test.churn, [500, 1]);

  const profileInput = tf.input({ shape: [NUM_PROFILE], name: 'profile' });
  const usageInput = tf.input({ shape: [NUM_USAGE], name: 'usage' });
  const merged = tf.layers.concatenate().apply([profileInput, usageInput]);
  const shared = tf.layers.dense({ units: 32, activation: 'relu' }).apply(merged);
  const spendOutput = tf.layers.dense({ units: 1, name: 'spend' }).apply(shared);
  const churnOutput = tf.layers.dense({ units: 1, activation: 'sigmoid', name: 'churn' }).apply(shared);
  const model = tf.model({ inputs: [profileInput, usageInput], outputs: [spendOutput, churnOutput] });

  model.compile({ optimizer: tf.train.adam(0.01), loss: { spend: 'meanSquaredError', churn: 'binaryCrossentropy' }, lossWeights: { spend: 0.5, churn: 1 }, metrics: { churn: 'accuracy' } });

  const history = await model.fit([profileTrain, usageTrain], { spend: spendTrain, churn: churnTrain }, { epochs: 30, batchSize: 32, validationSplit: 0.1, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const [spendPred, churnPred] = model.predict([profileTest, usageTest]);
  const spendMse = spendPred.sub(spendTest).square().mean().dataSync()[0];
  const spendBaseline = spendTest.sub(spendTrain.mean()).square().mean().dataSync()[0];
  const churnAcc = churnPred.greater(0.5).cast('float32').equal(churnTest).mean().dataSync()[0];
  const churnRate = churnTrain.mean().dataSync()[0];
  const majorityAcc = Math.max(churnRate, 1 - churnRate);
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} (spend ${h.spend_loss[last].toFixed(3)}, churn ${h.churn_loss[last].toFixed(3)}) | test spend MSE ${spendMse.toFixed(3)} vs baseline ${spendBaseline.toFixed(3)} | test churn accuracy ${churnAcc.toFixed(3)} vs majority ${majorityAcc.toFixed(3)} after ${h.loss.length} epochs`);
}

main();
