'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(9554);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Churn prediction for a regional broadband provider. The customer features come from the CRM
// export (one row per customer: id, name, postcode, tenure, monthly charge, contract, support
// calls, late payments, paperless billing); whether the customer cancelled comes from a separate
// billing-system export (id, name, churned). The two exports are joined, features standardized
// and a small MLP with a sigmoid output is trained with binary cross-entropy. The retention
// team's audited sample of other customers, with the outcome recorded, is the held-out set.
const N_TRAIN = 2000;
const N_TEST = 600;
const FIRST_NAMES = ['James', 'Mary', 'John', 'Linda', 'Robert', 'Susan', 'David', 'Karen', 'Michael', 'Sarah', 'Paul', 'Emma', 'Mark', 'Anna'];
const LAST_NAMES = ['Smith', 'Jones', 'Brown', 'Taylor', 'Wilson', 'Evans', 'Thomas', 'Walker', 'White', 'Green', 'Hall', 'Wood'];
const CONTRACTS = ['monthly', 'one-year', 'two-year'];
const NUM_FEATURES = 6 + CONTRACTS.length;

const EPOCHS = 20;
const BATCH_SIZE = 32;

let nextId = 100000;
function makeCustomers(n) {
  return rng.array(n, () => {
    const contract = CONTRACTS[rng.int(0, CONTRACTS.length)];
    const tenureMonths = rng.int(1, 72);
    const monthlyCharge = rng.uniform(20, 110);
    const supportCalls = Math.max(0, Math.round(rng.normal(2, 1.5)));
    const latePayments = rng.int(0, 4);
    const paperless = rng.random() < 0.6 ? 1 : 0;
    const risk = -0.4 - 0.1 * tenureMonths + 0.05 * (monthlyCharge - 65) + 1.1 * supportCalls + 1.0 * latePayments
      + 0.5 * paperless + (contract === 'monthly' ? 1.9 : contract === 'one-year' ? -0.6 : -2.6);
    return {
      id: `C${nextId++}`,
      name: `${FIRST_NAMES[rng.int(0, FIRST_NAMES.length)]} ${LAST_NAMES[rng.int(0, LAST_NAMES.length)]}`,
      postcode: `BS${rng.int(1, 40)} ${rng.int(1, 10)}${'ABDEFGHJLNPQRSTUWXYZ'[rng.int(0, 20)]}${'ABDEFGHJLNPQRSTUWXYZ'[rng.int(0, 20)]}`,
      tenureMonths, monthlyCharge, contract, supportCalls, latePayments, paperless,
      churned: rng.random() < 1 / (1 + Math.exp(-risk)) ? 'yes' : 'no',
    };
  });
}

function crmExport(customers) {
  return customers.map(({ churned, ...row }) => row);
}

function billingExport(customers) {
  const rows = customers.map((c) => ({ id: c.id, name: c.name, churned: c.churned }));
  tf.util.shuffle(rows);
  return rows;
}

function featurize(row) {
  return [
    row.tenureMonths, row.monthlyCharge, row.supportCalls, row.latePayments, row.paperless,
    Math.log1p(row.tenureMonths * row.monthlyCharge),
    ...CONTRACTS.map((c) => (row.contract === c ? 1 : 0)),
  ];
}

async function main() {
  await tf.setBackend('wasm');

  const customers = makeCustomers(N_TRAIN);
  const crmRows = crmExport(customers);
  const billingRows = billingExport(customers);
  const audited = makeCustomers(N_TEST);

  // attach the churn outcome from billing to each CRM row
  const churnByCustomer = new Map(billingRows.map((r) => [r.id, r.churned === 'yes' ? 1 : 0]));
  const joined = crmRows.filter((row) => churnByCustomer.has(row.id));
  const labels = joined.map((row) => churnByCustomer.get(row.id));

  const xTrainRaw = tf.tensor2d(joined.map(featurize), [joined.length, NUM_FEATURES]);
  const yTrain = tf.tensor2d(labels, [joined.length, 1]);
  const xTestRaw = tf.tensor2d(audited.map(featurize), [N_TEST, NUM_FEATURES]);
  const yTest = tf.tensor2d(audited.map((c) => (c.churned === 'yes' ? 1 : 0)), [N_TEST, 1]);

  const { mean, variance } = tf.moments(xTrainRaw, 0);
  const std = variance.sqrt().add(1e-6);
  const xTrain = xTrainRaw.sub(mean).div(std);
  const xTest = xTestRaw.sub(mean).div(std);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [NUM_FEATURES] }));
  model.add(tf.layers.dense({ units: 16, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 1, activation: 'sigmoid' }));
  model.compile({ optimizer: tf.train.adam(0.003), loss: 'binaryCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(xTrain, yTrain, { epochs: EPOCHS, batchSize: BATCH_SIZE, shuffle: true, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testAcc] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  const churnRate = labels.reduce((s, y) => s + y, 0) / labels.length;
  console.log(`joined ${joined.length}/${crmRows.length} churn rate ${churnRate.toFixed(3)} | loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
