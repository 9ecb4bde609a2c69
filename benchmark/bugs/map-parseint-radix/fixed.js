'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(9176);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Churn prediction for a subscription service. The customer export is plain CSV text:
// tenure_months,support_calls,monthly_fee,num_products,late_payments,churned
// The network is a small binary classifier on the five customer columns.
function exportCustomers(n) {
  const lines = ['tenure_months,support_calls,monthly_fee,num_products,late_payments,churned'];
  for (let i = 0; i < n; i++) {
    const tenure = rng.int(1, 73);
    const calls = rng.int(0, 10);
    const fee = rng.int(20, 120);
    const products = rng.int(1, 6);
    const late = rng.int(0, 7);
    const risk = -0.15 * tenure + 1.1 * calls + 0.08 * fee - 1.2 * products + 1.0 * late - 4;
    const churned = rng.random() < 1 / (1 + Math.exp(-risk)) ? 1 : 0;
    lines.push([tenure, calls, fee, products, late, churned].join(','));
  }
  return lines.join('\n');
}

function parseCsv(text) {
  const rows = text.trim().split('\n').slice(1);
  const features = [];
  const labels = [];
  for (const line of rows) {
    const values = line.split(',').map(Number);
    features.push(values.slice(0, 5));
    labels.push(values[5]);
  }
  return { features, labels };
}

async function main() {
  await tf.setBackend('wasm');

  const all = parseCsv(exportCustomers(1300));
  const nTrain = 1000;
  const x = tf.tensor2d(all.features);
  const y = tf.tensor2d(all.labels, [all.labels.length, 1]);

  // standardize with the training statistics
  const xTrainRaw = x.slice([0, 0], [nTrain, 5]);
  const { mean, variance } = tf.moments(xTrainRaw, 0);
  const std = variance.sqrt().add(1e-6);
  const xs = x.sub(mean).div(std);
  const xTrain = xs.slice([0, 0], [nTrain, 5]);
  const yTrain = y.slice([0, 0], [nTrain, 1]);
  const xTest = xs.slice([nTrain, 0], [-1, 5]);
  const yTest = y.slice([nTrain, 0], [-1, 1]);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 16, activation: 'relu', inputShape: [5] }));
  model.add(tf.layers.dense({ units: 8, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 1, activation: 'sigmoid' }));
  model.compile({ optimizer: tf.train.adam(0.01), loss: 'binaryCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(xTrain, yTrain, { epochs: 20, batchSize: 32, shuffle: true, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testAcc] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  const base = Math.max(yTest.mean().dataSync()[0], 1 - yTest.mean().dataSync()[0]);
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)} (majority ${base.toFixed(3)})`);
}

main();
