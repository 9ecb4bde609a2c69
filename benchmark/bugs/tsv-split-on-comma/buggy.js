'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(4829);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Wine quality regression from a lab export (wine_quality.tsv): one row per sample with 6
// physico-chemical measurements and the tasters' quality score. The export is simulated here as
// the text of the file; it is parsed into records by column name, the features are standardized
// with the training statistics and a small MLP regresses the score.
const FEATURE_COLUMNS = ['acidity', 'residual_sugar', 'chlorides', 'sulphates', 'alcohol', 'density'];
const TARGET_COLUMN = 'quality';
const N_TRAIN = 800;
const N_TEST = 300;

function simulateExport(n) {
  const lines = [[...FEATURE_COLUMNS, TARGET_COLUMN].join('\t')];
  for (let i = 0; i < n; i++) {
    const acidity = rng.normal(7.2, 1.2);
    const sugar = Math.abs(rng.normal(5, 4));
    const chlorides = Math.abs(rng.normal(0.06, 0.02));
    const sulphates = rng.normal(0.55, 0.12);
    const alcohol = rng.normal(10.5, 1.2);
    const density = 0.996 + 0.0004 * sugar - 0.001 * (alcohol - 10.5) + rng.normal(0, 0.0005);
    const quality = 5.8 + 0.35 * (alcohol - 10.5) + 2.0 * (sulphates - 0.55) - 15 * (chlorides - 0.06) - 0.15 * Math.abs(acidity - 7) + 0.03 * sugar + rng.normal(0, 0.15);
    lines.push([acidity.toFixed(2), sugar.toFixed(2), chlorides.toFixed(4), sulphates.toFixed(3), alcohol.toFixed(2), density.toFixed(5), quality.toFixed(2)].join('\t'));
  }
  return lines.join('\n');
}

const splitRow = (line) => line.split(',');

function parseTable(text) {
  const [headerLine, ...rowLines] = text.trim().split('\n');
  const header = splitRow(headerLine);
  return rowLines.map((line) => {
    const cells = splitRow(line);
    return Object.fromEntries(header.map((name, i) => [name, cells[i]]));
  });
}

function toArrays(records) {
  const xs = records.map((r) => FEATURE_COLUMNS.map((c) => Number(r[c])));
  const ys = records.map((r) => [Number(r[TARGET_COLUMN])]);
  return { xs, ys };
}

async function main() {
  await tf.setBackend('wasm');

  const train = toArrays(parseTable(simulateExport(N_TRAIN)));
  const test = toArrays(parseTable(simulateExport(N_TEST)));

  const xTrainRaw = tf.tensor2d(train.xs, [N_TRAIN, FEATURE_COLUMNS.length]);
  const { mean, variance } = tf.moments(xTrainRaw, 0);
  const std = variance.sqrt().add(1e-8);
  const xTrain = xTrainRaw.sub(mean).div(std);
  const yTrain = tf.tensor2d(train.ys, [N_TRAIN, 1]);
  const xTest = tf.tensor2d(test.xs, [N_TEST, FEATURE_COLUMNS.length]).sub(mean).div(std);
  const yTest = tf.tensor2d(test.ys, [N_TEST, 1]);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [FEATURE_COLUMNS.length] }));
  model.add(tf.layers.dense({ units: 16, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 1 }));
  model.compile({ optimizer: tf.train.adam(0.01), loss: 'meanSquaredError', metrics: ['mae'] });

  const history = await model.fit(xTrain, yTrain, { epochs: 30, batchSize: 32, shuffle: true, verbose: 0 });
  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testMae] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} mae ${h.mae[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test mae ${testMae.toFixed(3)}`);
}

main();
