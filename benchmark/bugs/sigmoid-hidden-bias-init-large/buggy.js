'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(3907);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Building energy regression: predict daily heating load (kWh) from 8 building and weather
// features. Inputs and target are standardized with training-set statistics; two sigmoid
// hidden layers, linear output, mean squared error.
const NUM_FEATURES = 8;

function makeBuildings(n) {
  const xs = [];
  const ys = [];
  for (let i = 0; i < n; i++) {
    const floorArea = rng.uniform(80, 400);
    const wallInsulation = rng.uniform(0.1, 1.0);
    const windowRatio = rng.uniform(0.1, 0.6);
    const outsideTemp = rng.normal(5, 7);
    const windSpeed = rng.uniform(0, 15);
    const occupants = rng.int(1, 7);
    const buildingAge = rng.uniform(0, 80);
    const orientation = rng.uniform(0, 360);
    const tempGap = Math.max(0, 20 - outsideTemp);
    const load =
      floorArea * tempGap * (0.004 + 0.012 * (1 - wallInsulation) + 0.01 * windowRatio) * (1 + 0.02 * windSpeed) *
        (1 + 0.004 * buildingAge) -
      3 * occupants +
      4 * Math.cos((orientation * Math.PI) / 180) +
      rng.normal(0, 3);
    xs.push([floorArea, wallInsulation, windowRatio, outsideTemp, windSpeed, occupants, buildingAge, orientation]);
    ys.push([load]);
  }
  return { xs, ys };
}

async function main() {
  await tf.setBackend('wasm');

  const train = makeBuildings(1000);
  const test = makeBuildings(300);
  const xTrainRaw = tf.tensor2d(train.xs);
  const yTrainRaw = tf.tensor2d(train.ys);
  const xStats = tf.moments(xTrainRaw, 0);
  const yStats = tf.moments(yTrainRaw, 0);
  const xStd = xStats.variance.sqrt();
  const yStd = yStats.variance.sqrt();
  const xTrain = xTrainRaw.sub(xStats.mean).div(xStd);
  const yTrain = yTrainRaw.sub(yStats.mean).div(yStd);
  const xTest = tf.tensor2d(test.xs).sub(xStats.mean).div(xStd);
  const yTest = tf.tensor2d(test.ys).sub(yStats.mean).div(yStd);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'sigmoid', inputShape: [NUM_FEATURES], biasInitializer: tf.initializers.constant({ value: 5 }) }));
  model.add(tf.layers.dense({ units: 32, activation: 'sigmoid', biasInitializer: tf.initializers.constant({ value: 5 }) }));
  model.add(tf.layers.dense({ units: 1 }));

  model.compile({ optimizer: tf.train.rmsprop(0.001), loss: 'meanSquaredError' });

  const history = await model.fit(xTrain, yTrain, { epochs: 30, batchSize: 32, shuffle: true, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const testMse = model.evaluate(xTest, yTest).dataSync()[0];
  const testMaeKwh = tf.tidy(() => model.predict(xTest).sub(yTest).abs().mean().mul(yStd).dataSync()[0]);
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} | test mse ${testMse.toFixed(3)} (standardized) test mae ${testMaeKwh.toFixed(1)} kWh`);
}

main();
