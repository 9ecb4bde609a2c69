'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(9675);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Loan default prediction from the applicant table. The warehouse job exports one CSV with a
// `split` column (TRAIN / TEST, assigned when the snapshot was taken) so every experiment uses
// the same partition. Features are min-max scaled with statistics from the training rows only,
// then a small MLP with a sigmoid output predicts whether the loan defaulted.
const N_ROWS = 2400;
const TEST_FRACTION = 0.25;
const FEATURES = ['income', 'loan_amount', 'credit_score', 'debt_ratio', 'years_employed', 'late_payments'];

function exportSnapshot(n) {
  const lines = ['applicant_id,income,loan_amount,credit_score,debt_ratio,years_employed,late_payments,defaulted,split'];
  for (let i = 0; i < n; i++) {
    const income = Math.max(12000, rng.normal(58000, 22000));
    const loanAmount = Math.max(1000, income * rng.uniform(0.05, 0.9));
    const creditScore = Math.round(Math.min(850, Math.max(300, rng.normal(680, 70))));
    const debtRatio = Math.min(0.95, Math.max(0, rng.normal(0.32, 0.14)));
    const yearsEmployed = rng.int(0, 30);
    const latePayments = Math.floor(Math.max(0, rng.normal(0.8, 1.3)));
    const z = -0.9 + 3.2 * (loanAmount / income - 0.45) - 0.025 * (creditScore - 680) + 6 * (debtRatio - 0.32)
      + 0.7 * latePayments - 0.06 * yearsEmployed;
    const defaulted = rng.random() < 1 / (1 + Math.exp(-z)) ? 1 : 0;
    const split = rng.random() < TEST_FRACTION ? 'TEST' : 'TRAIN';
    lines.push(`${100000 + i},${income.toFixed(0)},${loanAmount.toFixed(0)},${creditScore},${debtRatio.toFixed(3)},${yearsEmployed},${latePayments},${defaulted},${split}`);
  }
  return lines.join('\n') + '\n';
}

function parseCsv(text) {
  const lines = text.trim().split('\n');
  const keys = lines[0].split(',');
  return lines.slice(1).map((line) => {
    const cells = line.split(',');
    const row = {};
    keys.forEach((key, j) => {
      row[key] = key === 'split' ? cells[j] : Number(cells[j]);
    });
    return row;
  });
}

// Scaler statistics come from the training partition only, so nothing about the test rows leaks in.
function fitMinMax(rows) {
  const fitRows = rows.filter((r) => r.split === 'train');
  const min = FEATURES.map((f) => Math.min(...fitRows.map((r) => r[f])));
  const max = FEATURES.map((f) => Math.max(...fitRows.map((r) => r[f])));
  return { min, max };
}

function toTensors(rows, scaler) {
  const xs = rows.map((r) => FEATURES.map((f, j) => (r[f] - scaler.min[j]) / (scaler.max[j] - scaler.min[j])));
  const ys = rows.map((r) => [r.defaulted]);
  return { x: tf.tensor2d(xs, [rows.length, FEATURES.length]), y: tf.tensor2d(ys, [rows.length, 1]) };
}

async function main() {
  await tf.setBackend('wasm');

  const rows = parseCsv(exportSnapshot(N_ROWS));
  const scaler = fitMinMax(rows);
  const train = toTensors(rows.filter((r) => r.split === 'TRAIN'), scaler);
  const test = toTensors(rows.filter((r) => r.split === 'TEST'), scaler);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [FEATURES.length] }));
  model.add(tf.layers.dense({ units: 16, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 1, activation: 'sigmoid' }));
  model.compile({ optimizer: tf.train.adam(0.005), loss: 'binaryCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(train.x, train.y, { epochs: 25, batchSize: 64, shuffle: true, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testAcc] = model.evaluate(test.x, test.y).map((t) => t.dataSync()[0]);
  const baseRate = test.y.mean().dataSync()[0];
  console.log(`loss ${h.loss[0].toFixed(4)} -> ${h.loss[last].toFixed(4)} acc ${h.acc[last].toFixed(3)} | test loss ${testLoss.toFixed(4)} test acc ${testAcc.toFixed(3)} (default rate ${baseRate.toFixed(3)})`);
}

main();
