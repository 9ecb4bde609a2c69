'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(8163);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Pump fault diagnosis: 10 standardized sensor readings, 8 fault types (ids 0..7). Each fault type
// has its own signature on the sensors; a reading is that signature plus sensor noise.
const NUM_FAULTS = 8;
const NUM_SENSORS = 10;
const N_TRAIN = 1200;
const N_TEST = 400;

const signatures = rng.array(NUM_FAULTS, () => rng.array(NUM_SENSORS, () => rng.normal(0, 1)));

function makeReadings(n) {
  const xs = [];
  const ys = [];
  for (let i = 0; i < n; i++) {
    const fault = rng.int(0, NUM_FAULTS);
    xs.push(signatures[fault].map((s) => s + rng.normal(0, 0.8)));
    ys.push([fault]);
  }
  return { xs, ys };
}

async function main() {
  await tf.setBackend('wasm');

  const train = makeReadings(N_TRAIN);
  const test = makeReadings(N_TEST);
  const xTrain = tf.tensor2d(train.xs, [N_TRAIN, NUM_SENSORS]);
  const yTrain = tf.tensor2d(train.ys, [N_TRAIN, 1]);
  const xTest = tf.tensor2d(test.xs, [N_TEST, NUM_SENSORS]);
  const yTest = tf.tensor2d(test.ys, [N_TEST, 1]);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [NUM_SENSORS] }));
  model.add(tf.layers.dense({ units: 1 }));
  model.compile({ optimizer: tf.train.adam(0.01), loss: 'meanSquaredError' });

  const history = await model.fit(xTrain, yTrain, { epochs: 20, batchSize: 32, shuffle: true, verbose: 0 });

  const predictFault = (x) => model.predict(x).round().clipByValue(0, NUM_FAULTS - 1).reshape([-1]);
  const accuracy = (x, y) => tf.tidy(() => predictFault(x).equal(y.reshape([-1])).mean().dataSync()[0]);
  const h = history.history.loss;
  const testLoss = model.evaluate(xTest, yTest).dataSync()[0];
  console.log(`loss ${h[0].toFixed(3)} -> ${h[h.length - 1].toFixed(3)} acc ${accuracy(xTrain, yTrain).toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${accuracy(xTest, yTest).toFixed(3)}`);
}

main();
