'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(8614);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Pump fault detection from 10 sensor readings (pressures, temperatures, vibration, flow...).
// A healthy pump runs close to its operating point; a fault pushes several readings away from
// it in either direction. Readings are standardized with training-set statistics. Functional
// model built from dense -> ReLU -> dropout blocks, sigmoid output, binary cross-entropy.
const NUM_SENSORS = 10;
const operatingPoint = [4.2, 3.1, 65, 58, 0.8, 120, 1450, 35, 0.95, 12];
const spread = [0.6, 0.5, 6, 5, 0.3, 15, 60, 4, 0.03, 2];

function makeReadings(n) {
  const xs = [];
  const ys = [];
  for (let i = 0; i < n; i++) {
    const z = rng.array(NUM_SENSORS, () => rng.normal(0, 1));
    const drift = z[0] * z[0] + z[2] * z[2] + z[4] * z[4] + z[6] * z[6] + 0.5 * z[1] * z[3] + 0.5 * z[7] * z[8];
    xs.push(z.map((v, j) => operatingPoint[j] + spread[j] * v));
    ys.push(drift > 3.4 ? 1 : 0);
  }
  return { xs, ys };
}

function hiddenBlock(x, units) {
  const z = tf.layers.dense({ units }).apply(x);
  const h = tf.layers.reLU().apply(z);
  return tf.layers.dropout({ rate: 0.1 }).apply(z);
}

async function main() {
  await tf.setBackend('wasm');

  const train = makeReadings(1200);
  const test = makeReadings(400);
  const xTrainRaw = tf.tensor2d(train.xs);
  const { mean, variance } = tf.moments(xTrainRaw, 0);
  const std = variance.sqrt();
  const xTrain = xTrainRaw.sub(mean).div(std);
  const xTest = tf.tensor2d(test.xs).sub(mean).div(std);
  const yTrain = tf.tensor2d(train.ys, [train.ys.length, 1]);
  const yTest = tf.tensor2d(test.ys, [test.ys.length, 1]);

  const input = tf.input({ shape: [NUM_SENSORS] });
  const h1 = hiddenBlock(input, 32);
  const h2 = hiddenBlock(h1, 32);
  const output = tf.layers.dense({ units: 1, activation: 'sigmoid' }).apply(h2);
  const model = tf.model({ inputs: input, outputs: output });

  model.compile({ optimizer: tf.train.adam(0.003), loss: 'binaryCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(xTrain, yTrain, { epochs: 30, batchSize: 32, shuffle: true, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testAcc] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  const faultRate = train.ys.reduce((a, b) => a + b, 0) / train.ys.length;
  console.log(`fault rate ${faultRate.toFixed(3)}`);
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
