'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(9649);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Cultivar of a wine sample (barolo, grignolino, barbera) from its chemical analysis.
// Training data is the lab's quarterly report export: one CSV with a header, the samples grouped
// by cultivar and an empty line between the groups. The held-out set is this quarter's raw LIMS
// dump (same columns, samples in arrival order).
const CULTIVARS = ['barolo', 'grignolino', 'barbera'];
const COLUMNS = ['alcohol', 'malic_acid', 'flavanoids', 'color_intensity', 'hue', 'proline'];
// per-cultivar mean and spread of each measurement
const PROFILES = {
  barolo: { mean: [13.7, 2.0, 2.9, 5.5, 1.06, 1100], sd: [0.6, 0.8, 0.5, 1.4, 0.14, 260] },
  grignolino: { mean: [12.3, 1.9, 2.1, 3.1, 1.05, 520], sd: [0.6, 1.0, 0.7, 1.0, 0.22, 170] },
  barbera: { mean: [13.1, 3.3, 0.8, 7.4, 0.68, 630], sd: [0.6, 1.1, 0.4, 2.3, 0.13, 130] },
};
const COUNTS = { barolo: 210, grignolino: 260, barbera: 180 };

function sample(cultivar) {
  const { mean, sd } = PROFILES[cultivar];
  return mean.map((m, j) => Math.max(0.01, rng.normal(m, sd[j])));
}

const formatRow = (cultivar, values) => [cultivar, ...values.map((v) => v.toFixed(2))].join(',');

// quarterly report: grouped by cultivar, blank line between groups
function exportReport() {
  const blocks = CULTIVARS.map((c) => {
    const rows = [];
    for (let i = 0; i < COUNTS[c]; i++) rows.push(formatRow(c, sample(c)));
    return rows.join('\n');
  });
  return `cultivar,${COLUMNS.join(',')}\n` + blocks.join('\n\n') + '\n';
}

// LIMS dump: samples in the order they arrived
function exportLims(n) {
  const rows = [`cultivar,${COLUMNS.join(',')}`];
  for (let i = 0; i < n; i++) {
    const c = CULTIVARS[rng.int(0, CULTIVARS.length)];
    rows.push(formatRow(c, sample(c)));
  }
  return rows.join('\n') + '\n';
}

function parseCsv(text) {
  const lines = text.split('\n');
  const header = lines[0].split(',');
  const xs = [];
  const ys = [];
  for (const line of lines.slice(1)) {
    if (line.trim() === '') break;
    const cells = line.split(',');
    const cultivar = cells[header.indexOf('cultivar')];
    xs.push(COLUMNS.map((col) => parseFloat(cells[header.indexOf(col)])));
    ys.push(CULTIVARS.indexOf(cultivar));
  }
  return { xs, ys };
}

async function main() {
  await tf.setBackend('wasm');

  const train = parseCsv(exportReport());
  const test = parseCsv(exportLims(400));
  const xTrainRaw = tf.tensor2d(train.xs, [train.xs.length, COLUMNS.length]);
  const yTrain = tf.oneHot(tf.tensor1d(train.ys, 'int32'), CULTIVARS.length).toFloat();
  const xTestRaw = tf.tensor2d(test.xs, [test.xs.length, COLUMNS.length]);
  const yTest = tf.oneHot(tf.tensor1d(test.ys, 'int32'), CULTIVARS.length).toFloat();

  const { mean, variance } = tf.moments(xTrainRaw, 0);
  const std = variance.sqrt().add(1e-6);
  const xTrain = xTrainRaw.sub(mean).div(std);
  const xTest = xTestRaw.sub(mean).div(std);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [COLUMNS.length] }));
  model.add(tf.layers.dense({ units: 16, activation: 'relu' }));
  model.add(tf.layers.dense({ units: CULTIVARS.length, activation: 'softmax' }));
  model.compile({ optimizer: tf.train.adam(0.01), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(xTrain, yTrain, { epochs: 40, batchSize: 32, shuffle: true, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testAcc] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  console.log(`loss ${h.loss[0].toFixed(4)} -> ${h.loss[last].toFixed(4)} acc ${h.acc[last].toFixed(3)} | test loss ${testLoss.toFixed(4)} test acc ${testAcc.toFixed(3)}`);
}

main();
