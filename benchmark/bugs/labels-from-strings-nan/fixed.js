'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(3176);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Customer churn from a small CSV export: five numeric columns and a yes/no "churned" column.
// The CSV text is generated here so the script is self-contained.
function makeCsv(n) {
  const lines = [];
  for (let i = 0; i < n; i++) {
    const tenure = rng.int(1, 73);
    const monthly = rng.uniform(20, 120);
    const tickets = rng.int(0, 8);
    const age = rng.int(18, 80);
    const discount = rng.random() < 0.3 ? 1 : 0;
    const score = -0.06 * tenure + 0.03 * monthly + 0.5 * tickets - 1.2 * discount - 0.5 + rng.normal(0, 0.7);
    lines.push(`${tenure},${monthly.toFixed(2)},${tickets},${age},${discount},${score > 0 ? 'yes' : 'no'}`);
  }
  return `tenure,monthly_charges,support_tickets,age,discount,churned
${lines.join('\n')}`;
}

const csvText = makeCsv(600);

function parseCsv(text) {
  const rows = text.trim().split('\n').slice(1);
  const features = [];
  const labels = [];
  for (const row of rows) {
    const cols = row.split(',');
    features.push(cols.slice(0, 5).map(Number));
    labels.push([cols[5] === 'yes' ? 1 : 0]);
  }
  return { features, labels };
}

async function main() {
  await tf.setBackend('wasm');

  const { features, labels } = parseCsv(csvText);
  const n = features.length;
  const nTrain = 450;
  const xAll = tf.tensor2d(features, [n, 5]);
  const yAll = tf.tensor2d(labels, [n, 1]);

  // standardize with the training rows' statistics
  const { mean, variance } = tf.moments(xAll.slice([0, 0], [nTrain, 5]), 0);
  const xNorm = xAll.sub(mean).div(variance.sqrt());
  const xTrain = xNorm.slice([0, 0], [nTrain, 5]);
  const yTrain = yAll.slice([0, 0], [nTrain, 1]);
  const xTest = xNorm.slice([nTrain, 0], [n - nTrain, 5]);
  const yTest = yAll.slice([nTrain, 0], [n - nTrain, 1]);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 16, activation: 'relu', inputShape: [5] }));
  model.add(tf.layers.dense({ units: 8, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 1, activation: 'sigmoid' }));
  model.compile({ optimizer: tf.train.adam(0.01), loss: 'binaryCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(xTrain, yTrain, { epochs: 40, batchSize: 32, shuffle: true, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testAcc] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
