'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(6408);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Telecom churn: predict which customers cancel within the quarter from their account records.
// The training rows are a balanced export from the CRM at the end of last quarter; the model is
// then used to score this month's customers (whose outcome we check three months later).
// Every column of the records is a feature except the identifiers and the label.
const DROP_COLUMNS = ['customerId', 'accountNumber', 'churned'];
const N_TRAIN = 2000;
const N_NEW = 1000;

function makeCustomer(id, atQuarterEnd) {
  const tenureMonths = rng.int(1, 73);
  const monthlyCharges = rng.uniform(20, 120);
  const supportCalls = rng.int(0, 9);
  const monthlyContract = rng.random() < 0.5 ? 1 : 0;
  const autopay = rng.random() < 0.6 ? 1 : 0;
  const dataUsageGb = rng.uniform(0, 50);
  const logit = -0.05 * (tenureMonths - 36) + 0.03 * (monthlyCharges - 70) + 0.45 * (supportCalls - 4) + 1.2 * (monthlyContract - 0.5) - 0.6 * (autopay - 0.6) + rng.normal(0, 0.5);
  const churned = rng.random() < 1 / (1 + Math.exp(-logit)) ? 1 : 0;
  const row = { customerId: 100000 + id, accountNumber: 5000000 + rng.int(0, 999999), tenureMonths, monthlyCharges, supportCalls, monthlyContract, autopay, dataUsageGb };
  if (atQuarterEnd) row.accountClosed = churned;
  row.churned = churned;
  return row;
}

async function main() {
  await tf.setBackend('wasm');

  const trainRows = rng.array(N_TRAIN, (i) => makeCustomer(i, true));
  const newRows = rng.array(N_NEW, (i) => makeCustomer(N_TRAIN + i, false));

  const FEATURES = Object.keys(trainRows[0]).filter((k) => !DROP_COLUMNS.includes(k));
  const toMatrix = (rows) => rows.map((r) => FEATURES.map((k) => r[k] ?? 0));

  const xTrainRaw = tf.tensor2d(toMatrix(trainRows), [N_TRAIN, FEATURES.length]);
  const { mean, variance } = tf.moments(xTrainRaw, 0);
  const std = variance.sqrt().add(1e-6);
  const xTrain = xTrainRaw.sub(mean).div(std);
  const yTrain = tf.tensor2d(trainRows.map((r) => [r.churned]), [N_TRAIN, 1]);
  const xNew = tf.tensor2d(toMatrix(newRows), [N_NEW, FEATURES.length]).sub(mean).div(std);
  const yNew = tf.tensor2d(newRows.map((r) => [r.churned]), [N_NEW, 1]);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [FEATURES.length] }));
  model.add(tf.layers.dense({ units: 16, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 1, activation: 'sigmoid' }));
  model.compile({ optimizer: tf.train.adam(0.005), loss: 'binaryCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(xTrain, yTrain, { epochs: 20, batchSize: 32, shuffle: true, validationSplit: 0.2, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const [newLoss, newAcc] = model.evaluate(xNew, yNew).map((t) => t.dataSync()[0]);
  const churnRate = newRows.filter((r) => r.churned).length / N_NEW;
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[0].toFixed(3)} -> ${h.acc[last].toFixed(3)} | val loss ${h.val_loss[last].toFixed(3)} val acc ${h.val_acc[last].toFixed(3)} | new customers loss ${newLoss.toFixed(3)} acc ${newAcc.toFixed(3)} (churn rate ${churnRate.toFixed(3)})`);
}

main();
