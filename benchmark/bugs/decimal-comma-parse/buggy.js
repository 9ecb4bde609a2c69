'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(8164);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Daily yield of a small solar installation from the weather log. The log is a ';'-separated
// export from a German spreadsheet (what fs.readFileSync('ertrag.csv', 'utf8') returns;
// makeExport stands in for that file here). Cloud cover and humidity are fractions.
const HEADER = 'bewoelkung;luftfeuchte;temperatur;wind;ertrag_kwh';

function makeExport(days) {
  const fmt = (v) => v.toFixed(2).replace('.', ',');
  const lines = [HEADER];
  for (let d = 0; d < days; d++) {
    const cloud = rng.uniform(0, 1);
    const humidity = rng.uniform(0.3, 0.95);
    const temp = rng.uniform(0, 30);
    const wind = rng.uniform(0, 10);
    const kwh = 60 * (1 - 0.7 * cloud) - 20 * humidity + 0.4 * temp - 0.5 * wind + rng.normal(0, 2);
    lines.push([cloud, humidity, temp, wind, kwh].map(fmt).join(';'));
  }
  return lines.join('\n');
}

function parseExport(text) {
  const rows = text.trim().split('\n').slice(1);
  return rows.map((line) => line.split(';').map((s) => parseFloat(s)));
}

async function main() {
  await tf.setBackend('wasm');

  const rows = parseExport(makeExport(800));
  const nTrain = 640;
  const features = rows.map((r) => r.slice(0, 4));
  const targets = rows.map((r) => [r[4]]);
  const xTrain = tf.tensor2d(features.slice(0, nTrain));
  const yTrain = tf.tensor2d(targets.slice(0, nTrain));
  const xTest = tf.tensor2d(features.slice(nTrain));
  const yTest = tf.tensor2d(targets.slice(nTrain));

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [4] }));
  model.add(tf.layers.dense({ units: 16, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 1 }));
  model.compile({ optimizer: tf.train.adam(0.01), loss: 'meanSquaredError' });

  const history = await model.fit(xTrain, yTrain, { epochs: 60, batchSize: 32, shuffle: true, verbose: 0 });

  const testMse = model.evaluate(xTest, yTest).dataSync()[0];
  const testVar = tf.moments(yTest).variance.dataSync()[0];
  const h = history.history;
  const last = h.loss.length - 1;
  console.log(`loss ${h.loss[0].toFixed(2)} -> ${h.loss[last].toFixed(2)} | test mse ${testMse.toFixed(2)} test r2 ${(1 - testMse / testVar).toFixed(3)}`);
}

main();
