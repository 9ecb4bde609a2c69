'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(6158);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Electronic nose: an array of 12 metal-oxide gas sensors read through a 12-bit ADC (raw counts
// 0..4095, logged as uint16). Classify which of four gases is present. Each gas drives the sensors
// to its own response pattern; readings vary with concentration and sensor noise. Raw counts are
// scaled to [0, 1] before training.
const GASES = ['ethanol', 'acetone', 'ammonia', 'toluene'];
const NUM_SENSORS = 12;
const N_TRAIN = 1200;
const N_TEST = 400;

const baseline = rng.array(NUM_SENSORS, () => rng.uniform(800, 2500));
const responses = GASES.map(() => baseline.map((b) => b + rng.normal(0, 300)));

function makeReadings(n) {
  const xs = [];
  const ys = [];
  for (let i = 0; i < n; i++) {
    const g = rng.int(0, GASES.length);
    const concentration = rng.uniform(0.8, 1.2);
    xs.push(responses[g].map((r) => Math.round(Math.min(4095, Math.max(0, r * concentration + rng.normal(0, 250))))));
    ys.push(GASES.map((_, k) => (k === g ? 1 : 0)));
  }
  return { xs, ys };
}

async function main() {
  await tf.setBackend('wasm');

  const train = makeReadings(N_TRAIN);
  const test = makeReadings(N_TEST);
  train.xs[rng.int(0, N_TRAIN)][rng.int(0, NUM_SENSORS)] = 65535;

  const xTrainRaw = tf.tensor2d(train.xs, [N_TRAIN, NUM_SENSORS]);
  const xTestRaw = tf.tensor2d(test.xs, [N_TEST, NUM_SENSORS]);
  const scale = xTrainRaw.max();
  const xTrain = xTrainRaw.div(scale);
  const yTrain = tf.tensor2d(train.ys, [N_TRAIN, GASES.length]);
  const xTest = xTestRaw.div(scale);
  const yTest = tf.tensor2d(test.ys, [N_TEST, GASES.length]);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [NUM_SENSORS] }));
  model.add(tf.layers.dense({ units: 16, activation: 'relu' }));
  model.add(tf.layers.dense({ units: GASES.length, activation: 'softmax' }));
  model.compile({ optimizer: tf.train.sgd(0.1), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(xTrain, yTrain, { epochs: 30, batchSize: 32, shuffle: true, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testAcc] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
