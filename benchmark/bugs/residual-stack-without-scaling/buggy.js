'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(9519);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Power output (MW) of a combined-cycle plant from ambient temperature, pressure, humidity,
// exhaust vacuum and four turbine sensor readings. A deep residual MLP: a stem projects the
// standardized readings to WIDTH units, then DEPTH blocks of two dense layers each add their
// output back onto the residual stream, and a linear head reads the power.
const N_TRAIN = 1000;
const N_TEST = 400;
const NUM_FEATURES = 8;
const WIDTH = 32;
const DEPTH = 20;

function readPlantLog(n) {
  const xs = [];
  const ys = [];
  for (let i = 0; i < n; i++) {
    const temp = rng.uniform(2, 35); // deg C
    const vacuum = rng.uniform(25, 80); // cm Hg
    const pressure = rng.normal(1013, 6); // mbar
    const humidity = rng.uniform(25, 100); // %
    const sensors = [rng.normal(0, 1), rng.normal(0, 1), rng.normal(0, 1), rng.normal(0, 1)];
    const power = 495 - 1.9 * temp - 0.25 * vacuum + 0.06 * (pressure - 1013) - 0.15 * (humidity - 60)
      + 4 * Math.sin(sensors[0]) + 3 * sensors[1] * sensors[2] + rng.normal(0, 1.5);
    xs.push([temp, vacuum, pressure, humidity, ...sensors]);
    ys.push([power]);
  }
  return { xs, ys };
}

function residualBlock(x, i) {
  const h = tf.layers.dense({ units: WIDTH, activation: 'relu', kernelInitializer: 'heNormal', name: `block${i}_a` }).apply(x);
  const out = tf.layers.dense({ units: WIDTH, kernelInitializer: 'heNormal', name: `block${i}_b` }).apply(h);
  return tf.layers.add({ name: `block${i}_add` }).apply([x, out]);
}

async function main() {
  await tf.setBackend('wasm');

  const train = readPlantLog(N_TRAIN);
  const test = readPlantLog(N_TEST);
  const xTrainRaw = tf.tensor2d(train.xs, [N_TRAIN, NUM_FEATURES]);
  const xTestRaw = tf.tensor2d(test.xs, [N_TEST, NUM_FEATURES]);
  const { mean, variance } = tf.moments(xTrainRaw, 0);
  const std = variance.sqrt().add(1e-6);
  const xTrain = xTrainRaw.sub(mean).div(std);
  const xTest = xTestRaw.sub(mean).div(std);

  // center the target on the training mean power so the head starts near the right level
  const yMean = train.ys.reduce((s, [p]) => s + p, 0) / N_TRAIN;
  const yTrain = tf.tensor2d(train.ys.map(([p]) => [p - yMean]), [N_TRAIN, 1]);
  const yTest = tf.tensor2d(test.ys.map(([p]) => [p - yMean]), [N_TEST, 1]);

  const input = tf.input({ shape: [NUM_FEATURES] });
  let stream = tf.layers.dense({ units: WIDTH, name: 'stem' }).apply(input);
  for (let i = 0; i < DEPTH; i++) {
    stream = residualBlock(stream, i);
  }
  const output = tf.layers.dense({ units: 1, name: 'head' }).apply(stream);
  const model = tf.model({ inputs: input, outputs: output });
  model.compile({ optimizer: tf.train.adam(0.001), loss: 'meanSquaredError', metrics: ['mae'] });

  const history = await model.fit(xTrain, yTrain, { epochs: 20, batchSize: 64, shuffle: true, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testMae] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} mae ${h.mae[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test mae ${testMae.toFixed(3)}`);
}

main();
