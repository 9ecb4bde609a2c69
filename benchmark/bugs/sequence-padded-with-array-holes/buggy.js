'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(6021);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Predictive maintenance: flag pumps whose bearing is starting to fail from the hourly vibration
// readings (RMS velocity, mm/s) logged since the last service. Logs have different lengths (6 to
// 30 hours); a failing bearing shows a slow upward drift with occasional impacts, a healthy one
// stays flat around its own level. Every log is left-padded to MAX_HOURS and read by a GRU.
const MAX_HOURS = 30;
const N_TRAIN = 400;
const N_TEST = 200;

function makeLogs(n) {
  const seqs = [];
  const labels = [];
  for (let i = 0; i < n; i++) {
    const failing = rng.random() < 0.5 ? 1 : 0;
    const hours = rng.int(6, MAX_HOURS + 1);
    const level = rng.uniform(0.8, 2.0);
    const drift = failing ? rng.uniform(0.03, 0.08) : 0;
    const seq = [];
    for (let t = 0; t < hours; t++) {
      const impact = failing && rng.random() < 0.15 ? rng.uniform(0.5, 1.2) : 0;
      seq.push(level + drift * t + impact + rng.normal(0, 0.1));
    }
    seqs.push(seq);
    labels.push(failing);
  }
  return { seqs, labels };
}

const padLeft = (seq) => [...new Array(MAX_HOURS - seq.length), ...seq];

async function main() {
  await tf.setBackend('wasm');

  const train = makeLogs(N_TRAIN);
  const test = makeLogs(N_TEST);
  const xTrain = tf.tensor3d(train.seqs.map((s) => padLeft(s).map((v) => [v])), [N_TRAIN, MAX_HOURS, 1]);
  const yTrain = tf.tensor2d(train.labels, [N_TRAIN, 1]);
  const xTest = tf.tensor3d(test.seqs.map((s) => padLeft(s).map((v) => [v])), [N_TEST, MAX_HOURS, 1]);
  const yTest = tf.tensor2d(test.labels, [N_TEST, 1]);

  const model = tf.sequential();
  model.add(tf.layers.gru({ units: 16, inputShape: [MAX_HOURS, 1] }));
  model.add(tf.layers.dense({ units: 1, activation: 'sigmoid' }));
  model.compile({ optimizer: tf.train.adam(0.01), loss: 'binaryCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(xTrain, yTrain, { epochs: 12, batchSize: 32, shuffle: true, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testAcc] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
