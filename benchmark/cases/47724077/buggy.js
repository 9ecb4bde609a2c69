'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(47724077);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

function clamp(v, lo, hi) {
  return Math.min(hi, Math.max(lo, v));
}

// Census-style rows with the raw column ranges of the original table (no scaling applied).
function makeRow() {
  const age = Math.round(clamp(rng.normal(38, 13), 17, 90));
  const workclass = rng.int(0, 9);
  const fnlwgt = Math.round(clamp(Math.exp(rng.normal(12.0, 0.55)), 12285, 1484705));
  const education = rng.int(0, 16);
  const educationNum = Math.round(clamp(rng.normal(10, 2.6), 1, 16));
  const maritalStatus = rng.int(0, 7);
  const occupation = rng.int(0, 15);
  const relationship = rng.int(0, 6);
  const race = rng.int(0, 5);
  const sex = rng.int(0, 2);
  let capitalGain = 0;
  if (rng.random() < 0.08) capitalGain = rng.random() < 0.06 ? 99999 : Math.round(clamp(Math.exp(rng.normal(8.5, 0.9)), 114, 41310));
  const capitalLoss = rng.random() < 0.05 ? Math.round(clamp(rng.normal(1870, 380), 155, 4356)) : 0;
  const hours = Math.round(clamp(rng.normal(40, 12), 1, 99));
  const nativeCountry = rng.int(0, 42);
  const logit = -1.2 + 0.05 * (age - 38) + 0.45 * (educationNum - 10) + 0.04 * (hours - 40) + (capitalGain > 5000 ? 3 : 0) + rng.normal(0, 0.5);
  const label = logit > 0 ? 1 : 0;
  const row = [age, workclass, fnlwgt, education, educationNum, maritalStatus, occupation, relationship, race, sex, capitalGain, capitalLoss, hours, nativeCountry];
  return { row, label };
}

async function main() {
  await tf.setBackend('wasm');
  const n = 3000;
  const rows = rng.array(n, makeRow);
  const xData = rows.flatMap((r) => r.row);
  const yData = rows.flatMap((r) => (r.label === 1 ? [0, 1] : [1, 0]));
  const x = tf.tensor2d(xData, [n, 14]);
  const y = tf.tensor2d(yData, [n, 2]);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 21, inputShape: [14] }));
  model.add(tf.layers.activation({ activation: 'relu' }));
  model.add(tf.layers.dense({ units: 2 }));
  model.add(tf.layers.activation({ activation: 'softmax' }));
  model.compile({ optimizer: 'adam', loss: 'categoricalCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(x, y, { epochs: 50, batchSize: 100, verbose: 0 });
  const loss = history.history.loss;
  const acc = history.history.acc;
  const positives = rows.filter((r) => r.label === 1).length / n;
  console.log(`positives ${positives.toFixed(3)}; loss first ${loss[0].toFixed(4)} last ${loss[loss.length - 1].toFixed(4)}; acc first ${acc[0].toFixed(4)} last ${acc[acc.length - 1].toFixed(4)}`);
}

main();
