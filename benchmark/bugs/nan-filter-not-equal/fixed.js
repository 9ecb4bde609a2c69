'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(7734);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Wheat yield (t/ha) of field-trial plots from the season's rainfall (mm), mean temperature
// (deg C), nitrogen applied (kg/ha) and soil pH. The trial sheet is exported as CSV; plots that
// could not be harvested have an empty yield cell, and those plots are left out of training and
// evaluation.
const N_FEATURES = 4;
const N_TRAIN = 1000;
const N_TEST = 400;

function makeTrialSheet(n) {
  const lines = ['plot,rainfall_mm,mean_temp_c,nitrogen_kg_ha,soil_ph,yield_t_ha'];
  for (let i = 0; i < n; i++) {
    const rain = rng.uniform(250, 650);
    const temp = rng.normal(16, 2);
    const nitrogen = rng.uniform(0, 220);
    const ph = rng.normal(6.5, 0.5);
    const water = 1 - Math.exp(-(rain - 150) / 200);
    const yieldTHa = 9 * water * (1 - Math.exp(-(nitrogen + 30) / 90)) - 0.15 * (temp - 16) ** 2 - 0.8 * (ph - 6.5) ** 2 + rng.normal(0, 0.3);
    const harvested = rng.random() > 0.06;
    lines.push(`P${i + 1},${rain.toFixed(0)},${temp.toFixed(1)},${nitrogen.toFixed(0)},${ph.toFixed(2)},${harvested ? yieldTHa.toFixed(2) : ''}`);
  }
  return lines.join('\n');
}

function loadPlots(csv) {
  const plots = csv.split('\n').slice(1).map((line) => {
    const cells = line.split(',');
    return { features: cells.slice(1, 5).map(parseFloat), yield: parseFloat(cells[5]) };
  });
  const harvested = plots.filter((p) => !Number.isNaN(p.yield));
  return {
    x: tf.tensor2d(harvested.map((p) => p.features), [harvested.length, N_FEATURES]),
    y: tf.tensor2d(harvested.map((p) => [p.yield]), [harvested.length, 1]),
  };
}

async function main() {
  await tf.setBackend('wasm');

  const train = loadPlots(makeTrialSheet(N_TRAIN));
  const test = loadPlots(makeTrialSheet(N_TEST));

  // Standardize the features with the training plots' statistics.
  const { mean, variance } = tf.moments(train.x, 0);
  const std = variance.sqrt();
  const xTrain = train.x.sub(mean).div(std);
  const xTest = test.x.sub(mean).div(std);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [N_FEATURES] }));
  model.add(tf.layers.dense({ units: 16, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 1 }));
  model.compile({ optimizer: tf.train.adam(0.01), loss: 'meanSquaredError', metrics: ['mae'] });

  const history = await model.fit(xTrain, train.y, { epochs: 40, batchSize: 32, shuffle: true, verbose: 0 });
  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testMae] = model.evaluate(xTest, test.y).map((t) => t.dataSync()[0]);
  console.log(`plots ${train.y.shape[0]} | loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} mae ${h.mae[last].toFixed(3)} | test plots ${test.y.shape[0]} test loss ${testLoss.toFixed(3)} test mae ${testMae.toFixed(3)}`);
}

main();
