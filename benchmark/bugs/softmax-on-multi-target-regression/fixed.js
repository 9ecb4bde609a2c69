'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(8063);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Engine test-bench data: from 6 design parameters (displacement, cylinders, compression ratio,
// boost pressure, vehicle mass, gear ratio) predict three measurements at once: fuel consumption,
// peak power and 0-100 km/h time. Inputs and targets are standardized with the training statistics.
const N_TRAIN = 1000;
const N_TEST = 300;
const TARGETS = ['fuel', 'power', 'accel'];

function makeBench(n) {
  const xs = [];
  const ys = [];
  for (let i = 0; i < n; i++) {
    const displacement = rng.uniform(1.0, 5.0);
    const cylinders = [3, 4, 6, 8][rng.int(0, 4)];
    const compression = rng.uniform(8.5, 12.5);
    const boost = rng.uniform(0, 1.5);
    const mass = rng.uniform(900, 2200);
    const gear = rng.uniform(2.8, 4.2);
    const power = 45 * displacement * (1 + 0.6 * boost) * (0.8 + 0.02 * compression) + 4 * cylinders + rng.normal(0, 6);
    const fuel = 2.5 + 1.4 * displacement + 0.004 * mass * (1 + 0.1 * boost) - 0.2 * compression + 0.3 * gear + rng.normal(0, 0.3);
    const accel = 3 + 1800 * (mass / power) / 120 - 0.6 * gear + rng.normal(0, 0.3);
    xs.push([displacement, cylinders, compression, boost, mass, gear]);
    ys.push([fuel, power, accel]);
  }
  return { xs, ys };
}

function standardizer(rows) {
  const t = tf.tensor2d(rows);
  const { mean, variance } = tf.moments(t, 0);
  const std = variance.sqrt();
  return (r) => tf.tensor2d(r).sub(mean).div(std);
}

async function main() {
  await tf.setBackend('wasm');
  const train = makeBench(N_TRAIN);
  const test = makeBench(N_TEST);
  const scaleX = standardizer(train.xs);
  const scaleY = standardizer(train.ys);
  const xTrain = scaleX(train.xs);
  const yTrain = scaleY(train.ys);
  const xTest = scaleX(test.xs);
  const yTest = scaleY(test.ys);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 64, activation: 'relu', inputShape: [6] }));
  model.add(tf.layers.dense({ units: 64, activation: 'relu' }));
  model.add(tf.layers.dense({ units: TARGETS.length }));
  model.compile({ optimizer: tf.train.adam(0.003), loss: 'meanSquaredError', metrics: ['mae'] });

  const history = await model.fit(xTrain, yTrain, { epochs: 40, batchSize: 32, shuffle: true, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const [testMse, testMae] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  const pred = model.predict(xTest);
  const sse = pred.sub(yTest).square().sum(0);
  const sst = yTest.sub(yTest.mean(0)).square().sum(0);
  const r2 = tf.scalar(1).sub(sse.div(sst)).dataSync();
  const perTarget = TARGETS.map((name, k) => `${name} r2 ${r2[k].toFixed(3)}`).join(' ');
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} mae ${h.mae[last].toFixed(3)} | test mse ${testMse.toFixed(3)} test mae ${testMae.toFixed(3)} | ${perTarget}`);
}

main();
