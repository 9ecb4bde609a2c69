'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(5307);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Churn prediction from a CRM export. The export is CSV text with a header row:
// id,name,age,tenure_months,monthly_spend,support_calls,premium,churned
// Some ages are blank and get filled with the column mean. Binary classifier on the five numeric
// columns; the first 1200 customers train it and the last 400 are held out.
const N_TRAIN = 1200;
const N_TEST = 400;
const FIRST = ['John', 'Mary', 'Ahmed', 'Li', 'Sofia', 'Carlos', 'Anna', 'Pieter', 'Yuki', 'Grace'];
const LAST = ['Smith', 'Garcia', 'Khan', 'Chen', 'Rossi', 'Novak', 'Okafor', 'Jansen', 'Tanaka', 'Brown'];

function exportCsv(n) {
  const lines = ['id,name,age,tenure_months,monthly_spend,support_calls,premium,churned'];
  for (let i = 0; i < n; i++) {
    const first = FIRST[rng.int(0, FIRST.length)];
    const last = LAST[rng.int(0, LAST.length)];
    const name = rng.random() < 0.5 ? `"${last}, ${first}"` : `${first} ${last}`;
    const age = rng.int(18, 76);
    const tenure = rng.int(1, 73);
    const spend = rng.uniform(20, 150);
    const calls = rng.int(0, 9);
    const premium = rng.random() < 0.5 ? 1 : 0;
    const risk = -(tenure - 30) / 10 + 0.8 * (calls - 4) + (spend - 85) / 25 - (age - 47) / 40 - 0.5 * premium;
    const churned = risk + rng.normal(0, 0.3) > 0 ? 1 : 0;
    const ageField = rng.random() < 0.06 ? '' : String(age);
    lines.push(`${1000 + i},${name},${ageField},${tenure},${spend.toFixed(2)},${calls},${premium},${churned}`);
  }
  return lines.join('\n');
}

function parseCsv(text) {
  const lines = text.trim().split('\n').slice(1);
  const features = [];
  const labels = [];
  for (const line of lines) {
    const cols = line.split(',');
    features.push([2, 3, 4, 5, 6].map((j) => parseFloat(cols[j])));
    labels.push(Number(cols[7]));
  }
  return { features, labels };
}

function fillMissing(rows) {
  const means = rows[0].map((_, j) => {
    const present = rows.map((r) => r[j]).filter((v) => !Number.isNaN(v));
    return present.reduce((a, b) => a + b, 0) / present.length;
  });
  return rows.map((r) => r.map((v, j) => (Number.isNaN(v) ? means[j] : v)));
}

async function main() {
  await tf.setBackend('wasm');

  const csv = exportCsv(N_TRAIN + N_TEST);
  const { features, labels } = parseCsv(csv);
  const x = tf.tensor2d(fillMissing(features));
  const y = tf.tensor2d(labels, [labels.length, 1]);

  const xTrainRaw = x.slice([0, 0], [N_TRAIN, 5]);
  const { mean, variance } = tf.moments(xTrainRaw, 0);
  const std = variance.sqrt();
  const xTrain = xTrainRaw.sub(mean).div(std);
  const xTest = x.slice([N_TRAIN, 0], [N_TEST, 5]).sub(mean).div(std);
  const yTrain = y.slice([0, 0], [N_TRAIN, 1]);
  const yTest = y.slice([N_TRAIN, 0], [N_TEST, 1]);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 16, activation: 'relu', inputShape: [5] }));
  model.add(tf.layers.dense({ units: 1, activation: 'sigmoid' }));
  model.compile({ optimizer: tf.train.adam(0.01), loss: 'binaryCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(xTrain, yTrain, { epochs: 40, batchSize: 32, shuffle: true, verbose: 0 });
  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testAcc] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
