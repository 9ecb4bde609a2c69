'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(4819);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Energy use of a building from 6 sensor columns, exported as CSV (last column is the target).
// Some sensors drop out now and then, which leaves an empty cell in the export.
const NUM_FEATURES = 6;

function makeCsv(n) {
  const lines = ['temp,humidity,wind,occupancy,lights,hour,energy'];
  for (let i = 0; i < n; i++) {
    const row = rng.array(NUM_FEATURES, () => rng.normal(0, 1));
    const energy = 2 * row[0] - row[1] + 0.5 * row[2] * row[3] + Math.abs(row[4]) + 0.5 * row[5] + rng.normal(0, 0.1);
    const cells = row.map((v) => (rng.random() < 0.03 ? '' : v.toFixed(4)));
    lines.push(`${cells.join(',')},${energy.toFixed(4)}`);
  }
  return lines.join('\n');
}

function parseCsv(text) {
  const xs = [];
  const ys = [];
  for (const line of text.split('\n').slice(1)) {
    const cells = line.split(',');
    const features = cells.slice(0, NUM_FEATURES).map((cell) => parseFloat(cell));
    xs.push(features);
    ys.push(parseFloat(cells[NUM_FEATURES]));
  }
  return { xs, ys };
}

async function main() {
  await tf.setBackend('wasm');

  const train = parseCsv(makeCsv(1200));
  const test = parseCsv(makeCsv(400));
  const xTrain = tf.tensor2d(train.xs, [train.xs.length, NUM_FEATURES]);
  const yTrain = tf.tensor2d(train.ys, [train.ys.length, 1]);
  const xTest = tf.tensor2d(test.xs, [test.xs.length, NUM_FEATURES]);
  const yTest = tf.tensor2d(test.ys, [test.ys.length, 1]);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [NUM_FEATURES] }));
  model.add(tf.layers.dense({ units: 16, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 1 }));
  model.compile({ optimizer: tf.train.adam(0.01), loss: 'meanSquaredError', metrics: ['mae'] });

  const history = await model.fit(xTrain, yTrain, { epochs: 30, batchSize: 32, shuffle: true, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testMae] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  const targetVar = tf.moments(yTest).variance.dataSync()[0];
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} mae ${h.mae[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test mae ${testMae.toFixed(3)} (target variance ${targetVar.toFixed(3)})`);
}

main();
