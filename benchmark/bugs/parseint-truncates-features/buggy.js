'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(2604);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Machine-state classifier from six sensor readings that are already min-max scaled to [0, 1).
// The readings are exported as CSV text (as our logger writes them) and parsed back before
// training. Classes: 0 = normal, 1 = overheating, 2 = bearing wear.
const N_TRAIN = 1000;
const N_TEST = 300;
const NUM_FEATURES = 6;
const NUM_CLASSES = 3;
const HEADER = 'temperature,humidity,vibration,current,rpm,noise,state';

function makeCsv(n) {
  const lines = [HEADER];
  for (let i = 0; i < n; i++) {
    const [temp, hum, vib, cur, rpm, noise] = rng.array(NUM_FEATURES, () => rng.random());
    const scores = [
      1.1 - temp - 0.5 * vib + 0.3 * hum,
      temp + 0.6 * cur * rpm - 0.2,
      vib + 0.5 * noise - 0.3 * rpm + 0.1,
    ];
    const state = scores.indexOf(Math.max(...scores));
    const values = [temp, hum, vib, cur, rpm, noise].map((v) => v.toFixed(4));
    lines.push(`${values.join(',')},${state}`);
  }
  return lines.join('\n');
}

function parseCsv(text) {
  const rows = text.trim().split('\n').slice(1);
  const xs = [];
  const ys = [];
  for (const row of rows) {
    const cols = row.split(',');
    xs.push(cols.slice(0, NUM_FEATURES).map((v) => parseInt(v, 10)));
    ys.push(parseInt(cols[NUM_FEATURES], 10));
  }
  return { xs, ys };
}

async function main() {
  await tf.setBackend('wasm');

  const train = parseCsv(makeCsv(N_TRAIN));
  const test = parseCsv(makeCsv(N_TEST));
  const xTrain = tf.tensor2d(train.xs, [N_TRAIN, NUM_FEATURES]);
  const yTrain = tf.oneHot(tf.tensor1d(train.ys, 'int32'), NUM_CLASSES);
  const xTest = tf.tensor2d(test.xs, [N_TEST, NUM_FEATURES]);
  const yTest = tf.oneHot(tf.tensor1d(test.ys, 'int32'), NUM_CLASSES);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [NUM_FEATURES] }));
  model.add(tf.layers.dense({ units: 16, activation: 'relu' }));
  model.add(tf.layers.dense({ units: NUM_CLASSES, activation: 'softmax' }));
  model.compile({ optimizer: tf.train.adam(0.01), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(xTrain, yTrain, { epochs: 40, batchSize: 32, shuffle: true, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testAcc] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
