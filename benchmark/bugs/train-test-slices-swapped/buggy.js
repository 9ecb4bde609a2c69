'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(7349);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Pump diagnostics: 30 standardized sensor readings per inspection (vibration bands,
// temperatures, pressures, motor currents) and the condition found by the technician, one of
// four: healthy, cavitation, bearing wear, impeller damage. Each condition shifts every sensor
// a little, so the condition whose signature best matches the readings is the one observed.
// All inspections come as one list in random order: the first 80% train, the rest is held out.
const CONDITIONS = ['healthy', 'cavitation', 'bearing-wear', 'impeller-damage'];
const C = CONDITIONS.length;
const F = 30;
const N = 1000;
const TRAIN_FRACTION = 0.8;

const signatures = rng.array(C, () => rng.array(F, () => rng.normal(0, 1)));

function makeInspections(n) {
  const rows = [];
  for (let i = 0; i < n; i++) {
    const x = rng.array(F, () => rng.normal(0, 1));
    const scores = signatures.map((w) => w.reduce((s, wk, k) => s + wk * x[k], 0));
    rows.push({ x, y: scores.indexOf(Math.max(...scores)) });
  }
  return rows;
}

async function main() {
  await tf.setBackend('wasm');
  const rows = makeInspections(N);
  const nTrain = Math.floor(N * TRAIN_FRACTION);
  const test = rows.slice(0, nTrain);
  const train = rows.slice(nTrain);

  const xTrain = tf.tensor2d(train.map((r) => r.x), [train.length, F]);
  const yTrain = tf.oneHot(tf.tensor1d(train.map((r) => r.y), 'int32'), C).toFloat();
  const xTest = tf.tensor2d(test.map((r) => r.x), [test.length, F]);
  const yTest = tf.oneHot(tf.tensor1d(test.map((r) => r.y), 'int32'), C).toFloat();

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 64, activation: 'relu', inputShape: [F] }));
  model.add(tf.layers.dense({ units: 64, activation: 'relu' }));
  model.add(tf.layers.dense({ units: C, activation: 'softmax' }));
  model.compile({ optimizer: tf.train.adam(0.003), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(xTrain, yTrain, { epochs: 20, batchSize: 32, shuffle: true, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testAcc] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
