'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(4473);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Pump health monitor: 5 raw sensor readings per sample (bearing temperature in C, shaft speed in
// rpm, vibration in mm/s, motor current in A, outlet pressure in bar) classified as healthy,
// worn or faulty. The readings go into the network as they are and a BatchNormalization layer
// at the input takes care of the scaling.
const STATES = ['healthy', 'worn', 'faulty'];
const SENSORS = [
  { mean: 60, std: 8 },
  { mean: 1500, std: 120 },
  { mean: 3, std: 1 },
  { mean: 12, std: 2 },
  { mean: 5, std: 0.5 },
];

function makeReadings(n) {
  const xs = [];
  const labels = [];
  for (let i = 0; i < n; i++) {
    const z = SENSORS.map(() => rng.normal(0, 1));
    const wear = 0.8 * z[0] + 0.9 * z[2] - 0.4 * z[4];
    const fault = 1.0 * z[3] - 0.7 * z[1] + 0.6 * z[2] * z[0];
    const state = fault > 0.8 ? 2 : wear > 0.3 ? 1 : 0;
    xs.push(z.map((v, j) => SENSORS[j].mean + SENSORS[j].std * v));
    labels.push(state);
  }
  return { xs, labels };
}

async function main() {
  await tf.setBackend('wasm');

  const train = makeReadings(1200);
  const val = makeReadings(400);
  const xTrain = tf.tensor2d(train.xs);
  const yTrain = tf.oneHot(tf.tensor1d(train.labels, 'int32'), STATES.length).toFloat();
  const xVal = tf.tensor2d(val.xs);
  const yVal = tf.oneHot(tf.tensor1d(val.labels, 'int32'), STATES.length).toFloat();

  const model = tf.sequential();
  model.add(tf.layers.batchNormalization({ momentum: 1, inputShape: [SENSORS.length] }));
  model.add(tf.layers.dense({ units: 32, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 16, activation: 'relu' }));
  model.add(tf.layers.dense({ units: STATES.length, activation: 'softmax' }));
  model.compile({ optimizer: tf.train.adam(0.005), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(xTrain, yTrain, {
    epochs: 25,
    batchSize: 64,
    validationData: [xVal, yVal],
    shuffle: true,
    verbose: 0,
  });

  const h = history.history;
  const last = h.loss.length - 1;
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} | val loss ${h.val_loss[last].toFixed(3)} val acc ${h.val_acc[last].toFixed(3)}`);
}

main();
