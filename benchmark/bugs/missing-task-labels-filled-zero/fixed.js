'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(9569);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Customer model with two heads on a shared trunk: the probability that a customer churns next
// quarter, and the customer's next-quarter spend (in hundreds of dollars). Spend comes from the
// loyalty-card system, which only about 30% of customers are linked to, so the CRM export leaves
// the spend cell empty for everybody else. Both heads are trained together in a custom loop.
const N_TRAIN = 3000;
const N_TEST = 1000;
const NUM_FEATURES = 7;
const LINKED_SHARE = 0.3;
const EPOCHS = 30;
const BATCH_SIZE = 64;
const SPEND_WEIGHT = 0.5;

function crmExport(n) {
  const rows = [];
  for (let i = 0; i < n; i++) {
    const tenure = rng.int(1, 72);
    const visits = Math.max(0, rng.normal(8, 3));
    const tickets = rng.int(0, 6);
    const plan = rng.int(0, 3);
    const age = rng.int(18, 75);
    const discountShare = rng.random();
    const appUser = rng.random() < 0.5 ? 1 : 0;
    const churnLogit = 1.2 - 0.05 * tenure + 0.5 * tickets - 0.15 * visits + (plan === 0 ? 0.8 : 0) - 0.5 * appUser;
    const churned = rng.random() < 1 / (1 + Math.exp(-churnLogit)) ? 1 : 0;
    const spend = Math.max(0.2, 1.5 + 0.25 * visits + 1.2 * plan + 0.02 * tenure - 1.5 * discountShare + 0.8 * appUser + rng.normal(0, 0.5));
    const linked = rng.random() < LINKED_SHARE;
    rows.push({ tenure, visits: visits.toFixed(1), tickets, plan, age, discountShare: discountShare.toFixed(2), appUser, churned, spend: linked ? spend.toFixed(2) : '' });
  }
  return rows;
}

function toTensors(rows) {
  const xs = rows.map((r) => [r.tenure, Number(r.visits), r.tickets, r.plan, r.age, Number(r.discountShare), r.appUser]);
  // label columns: churned, spend, spend known
  const labels = rows.map((r) => [r.churned, r.spend === '' ? 0 : Number(r.spend), r.spend === '' ? 0 : 1]);
  return { x: tf.tensor2d(xs, [rows.length, NUM_FEATURES]), y: tf.tensor2d(labels, [rows.length, 3]) };
}

function buildModel() {
  const input = tf.input({ shape: [NUM_FEATURES] });
  let h = tf.layers.dense({ units: 32, activation: 'relu' }).apply(input);
  h = tf.layers.dense({ units: 32, activation: 'relu' }).apply(h);
  const churn = tf.layers.dense({ units: 1, activation: 'sigmoid', name: 'churn' }).apply(h);
  const spend = tf.layers.dense({ units: 1, name: 'spend' }).apply(h);
  return tf.model({ inputs: input, outputs: [churn, spend] });
}

function multitaskLoss(model, xb, yb) {
  const [pChurn, pSpend] = model.apply(xb, { training: true });
  const churnLoss = tf.losses.logLoss(yb.slice([0, 0], [-1, 1]), pChurn);
  const spendLoss = tf.losses.meanSquaredError(yb.slice([0, 1], [-1, 1]), pSpend, yb.slice([0, 2], [-1, 1]));
  return churnLoss.add(spendLoss.mul(SPEND_WEIGHT));
}

async function main() {
  await tf.setBackend('wasm');

  const train = toTensors(crmExport(N_TRAIN));
  const test = toTensors(crmExport(N_TEST));
  const { mean, variance } = tf.moments(train.x, 0);
  const std = variance.sqrt().add(1e-6);
  const xTrain = train.x.sub(mean).div(std);
  const xTest = test.x.sub(mean).div(std);

  const model = buildModel();
  const optimizer = tf.train.adam(0.005);
  const epochLosses = [];
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    const order = tf.util.createShuffledIndices(N_TRAIN);
    let sum = 0;
    let batches = 0;
    for (let start = 0; start < N_TRAIN; start += BATCH_SIZE) {
      const idx = tf.tensor1d(Array.from(order.slice(start, start + BATCH_SIZE)), 'int32');
      const xb = tf.gather(xTrain, idx);
      const yb = tf.gather(train.y, idx);
      const cost = optimizer.minimize(() => multitaskLoss(model, xb, yb), true);
      sum += cost.dataSync()[0];
      batches++;
      tf.dispose([idx, xb, yb, cost]);
    }
    epochLosses.push(sum / batches);
  }

  // held-out: churn accuracy on everyone, spend error on the customers whose spend is known
  const [pChurn, pSpend] = model.predict(xTest);
  const churnTrue = test.y.slice([0, 0], [-1, 1]);
  const known = test.y.slice([0, 2], [-1, 1]);
  const churnAcc = pChurn.greater(0.5).cast('float32').equal(churnTrue).cast('float32').mean().dataSync()[0];
  const spendMae = pSpend.sub(test.y.slice([0, 1], [-1, 1])).abs().mul(known).sum().div(known.sum()).dataSync()[0];
  const meanSpendPred = pSpend.mul(known).sum().div(known.sum()).dataSync()[0];
  console.log(`loss ${epochLosses[0].toFixed(3)} -> ${epochLosses[EPOCHS - 1].toFixed(3)} | test churn acc ${churnAcc.toFixed(3)} spend mae ${spendMae.toFixed(3)} (mean predicted spend ${meanSpendPred.toFixed(2)})`);
}

main();
