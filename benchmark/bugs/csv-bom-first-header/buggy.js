'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(3623);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Yearly medical insurance charges (in thousands of dollars) from the policy holder's profile.
// The policy table is kept in a spreadsheet and saved as "CSV UTF-8" with the header
// age,sex,bmi,children,smoker,region,charges
// Rows are parsed into objects keyed by the header, turned into feature vectors by column name,
// standardized with the training statistics and fed to a small MLP. Next year's export is the
// held-out set.
const N_TRAIN = 1000;
const N_TEST = 400;
const REGIONS = ['northeast', 'northwest', 'southeast', 'southwest'];
const NUM_FEATURES = 5 + REGIONS.length;

function exportPolicies(n) {
  const lines = ['age,sex,bmi,children,smoker,region,charges'];
  for (let i = 0; i < n; i++) {
    const age = rng.int(18, 65);
    const male = rng.random() < 0.5;
    const bmi = rng.normal(30, 6);
    const children = rng.int(0, 5);
    const smoker = rng.random() < 0.2;
    const region = REGIONS[rng.int(0, REGIONS.length)];
    const charges = 1000 * (0.3 * age - 3 + 0.5 * children + (smoker ? 12 + 1.5 * Math.max(bmi - 30, 0) : 0) + rng.normal(0, 1));
    lines.push(`${age},${male ? 'male' : 'female'},${bmi.toFixed(2)},${children},${smoker ? 'yes' : 'no'},${region},${Math.max(charges, 1100).toFixed(2)}`);
  }
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}

function parseCsv(text) {
  const lines = text.split(/\r?\n/).filter((line) => line.length > 0);
  const keys = lines[0].split(',');
  return lines.slice(1).map((line) => {
    const cells = line.split(',');
    const row = {};
    keys.forEach((key, j) => {
      row[key] = cells[j];
    });
    return row;
  });
}

// blank numeric cells in the sheet are read as 0
const toNumber = (cell) => parseFloat(cell) || 0;

function toExamples(rows) {
  const xs = rows.map((row) => [
    toNumber(row.age),
    row.sex === 'male' ? 1 : 0,
    toNumber(row.bmi),
    toNumber(row.children),
    row.smoker === 'yes' ? 1 : 0,
    ...REGIONS.map((r) => (row.region === r ? 1 : 0)),
  ]);
  const ys = rows.map((row) => [toNumber(row.charges) / 1000]);
  return { xs, ys };
}

async function main() {
  await tf.setBackend('wasm');

  const train = toExamples(parseCsv(exportPolicies(N_TRAIN)));
  const test = toExamples(parseCsv(exportPolicies(N_TEST)));
  const xTrainRaw = tf.tensor2d(train.xs, [N_TRAIN, NUM_FEATURES]);
  const yTrain = tf.tensor2d(train.ys, [N_TRAIN, 1]);
  const xTestRaw = tf.tensor2d(test.xs, [N_TEST, NUM_FEATURES]);
  const yTest = tf.tensor2d(test.ys, [N_TEST, 1]);

  const { mean, variance } = tf.moments(xTrainRaw, 0);
  const std = variance.sqrt().add(1e-6);
  const xTrain = xTrainRaw.sub(mean).div(std);
  const xTest = xTestRaw.sub(mean).div(std);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [NUM_FEATURES] }));
  model.add(tf.layers.dense({ units: 16, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 1 }));
  model.compile({ optimizer: tf.train.adam(0.01), loss: 'meanSquaredError', metrics: ['mae'] });

  const history = await model.fit(xTrain, yTrain, { epochs: 40, batchSize: 32, shuffle: true, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testMae] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} mae ${h.mae[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test mae ${testMae.toFixed(3)}`);
}

main();
