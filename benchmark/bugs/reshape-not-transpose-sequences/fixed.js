'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(2603);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Walking direction from a corridor sensor log. Two vibration sensors a few metres apart pick up
// the same footstep signal, one of them about two samples later depending on which way the person
// walks; a third channel is a slowly drifting temperature reading. Each log is stored as one flat
// row per sample, channel after channel (16 readings of sensor A, then sensor B, then temperature).
const T = 16;
const F = 3;
const LAG = 2;
const N_TRAIN = 500;
const N_TEST = 200;

function smoothNoise(len) {
  const out = [];
  let v = rng.normal(0, 1);
  for (let i = 0; i < len; i++) {
    v = 0.5 * v + rng.normal(0, 1);
    out.push(v);
  }
  return out;
}

function makeLogs(n) {
  const flat = [];
  const labels = [];
  for (let i = 0; i < n; i++) {
    const towardsB = rng.random() < 0.5;
    const steps = smoothNoise(T + LAG);
    const sensorA = towardsB ? steps.slice(LAG) : steps.slice(0, T);
    const sensorB = towardsB ? steps.slice(0, T) : steps.slice(LAG);
    let temp = rng.normal(0, 1);
    const temperature = [];
    for (let t = 0; t < T; t++) {
      temp += rng.normal(0, 0.1);
      temperature.push(temp);
    }
    const row = [sensorA, sensorB, temperature].map((ch) => ch.map((v) => v + rng.normal(0, 0.3)));
    flat.push(...row[0], ...row[1], ...row[2]);
    labels.push(towardsB ? 1 : 0);
  }
  return { flat, labels };
}

async function main() {
  await tf.setBackend('wasm');
  const train = makeLogs(N_TRAIN);
  const test = makeLogs(N_TEST);
  const toSequences = (flat, n) => tf.tensor3d(flat, [n, F, T]).transpose([0, 2, 1]);
  const xTrain = toSequences(train.flat, N_TRAIN);
  const yTrain = tf.tensor2d(train.labels, [N_TRAIN, 1]);
  const xTest = toSequences(test.flat, N_TEST);
  const yTest = tf.tensor2d(test.labels, [N_TEST, 1]);

  const model = tf.sequential();
  model.add(tf.layers.lstm({ units: 12, inputShape: [T, F] }));
  model.add(tf.layers.dense({ units: 1, activation: 'sigmoid' }));
  model.compile({ optimizer: tf.train.adam(0.01), loss: 'binaryCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(xTrain, yTrain, { epochs: 12, batchSize: 32, shuffle: true, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testAcc] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
