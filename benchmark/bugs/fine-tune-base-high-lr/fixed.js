'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(9507);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Building energy models. A base MLP is first trained on the large national survey (24 building
// descriptors -> eight standardized end-use loads: heating, cooling, lighting, hot water, ...);
// its hidden layers are then reused under a new head to predict the standardized peak electrical
// demand of buildings in a new district, where only a small metered sample exists, and the whole
// network is fine-tuned on that sample.
const NUM_FEATURES = 24;
const NUM_LOADS = 8;
const N_SURVEY = 6000;
const N_DISTRICT = 300;
const N_TEST = 400;
const LEARNING_RATE = 0.05;

// Physical drivers (insulation, glazing, occupancy, ...) encoded by the descriptors.
const mixing = rng.array(NUM_LOADS, () => rng.array(NUM_FEATURES, () => rng.normal(0, 0.4)));
const loadWeights = rng.array(NUM_LOADS, () => rng.array(NUM_LOADS, () => rng.normal(0, 1)));
const rawPeak = rng.array(NUM_LOADS, () => rng.normal(0, 1));
const peakWeights = rawPeak.map((w) => (2 * w) / Math.hypot(...rawPeak));

function describeBuildings(n) {
  const xs = [];
  const drivers = [];
  for (let i = 0; i < n; i++) {
    const x = rng.array(NUM_FEATURES, () => rng.normal(0, 1));
    xs.push(x);
    drivers.push(mixing.map((row) => Math.tanh(row.reduce((s, w, j) => s + w * x[j], 0))));
  }
  return { xs, drivers };
}

function surveyLoads(drivers) {
  return drivers.map((d) => loadWeights.map((w) => w.reduce((s, wk, k) => s + wk * d[k], 0) + rng.normal(0, 0.1)));
}

function peakDemand(drivers) {
  return drivers.map((d) => [peakWeights.reduce((s, wk, k) => s + wk * d[k], 0) + rng.normal(0, 0.1)]);
}

async function main() {
  await tf.setBackend('wasm');

  // Step 1: pretrain the base on the national survey.
  const survey = describeBuildings(N_SURVEY);
  const xSurvey = tf.tensor2d(survey.xs);
  const ySurvey = tf.tensor2d(surveyLoads(survey.drivers));
  const base = tf.sequential();
  base.add(tf.layers.dense({ units: 64, activation: 'relu', inputShape: [NUM_FEATURES], name: 'base1' }));
  base.add(tf.layers.dense({ units: 32, activation: 'relu', name: 'base2' }));
  base.add(tf.layers.dense({ units: NUM_LOADS, name: 'loads' }));
  base.compile({ optimizer: tf.train.adam(LEARNING_RATE), loss: 'meanSquaredError' });
  const baseHistory = await base.fit(xSurvey, ySurvey, { epochs: 15, batchSize: 64, shuffle: true, verbose: 0 });
  const baseLoss = baseHistory.history.loss[baseHistory.history.loss.length - 1];

  // Step 2: new head on the pretrained hidden layers, fine-tuned on the district sample.
  const district = describeBuildings(N_DISTRICT);
  const held = describeBuildings(N_TEST);
  const xTrain = tf.tensor2d(district.xs);
  const yTrain = tf.tensor2d(peakDemand(district.drivers));
  const xTest = tf.tensor2d(held.xs);
  const yTest = tf.tensor2d(peakDemand(held.drivers));

  const model = tf.sequential();
  model.add(base.getLayer('base1'));
  model.add(base.getLayer('base2'));
  // the new head starts from zero output
  model.add(tf.layers.dense({ units: 1, kernelInitializer: 'zeros', name: 'peak' }));
  model.compile({ optimizer: tf.train.adam(0.001), loss: 'meanSquaredError', metrics: ['mae'] });

  const history = await model.fit(xTrain, yTrain, { epochs: 50, batchSize: 16, shuffle: true, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testMae] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  const testVar = tf.moments(yTest).variance.dataSync()[0];
  console.log(`base loss ${baseLoss.toFixed(3)} | loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} mae ${h.mae[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test mae ${testMae.toFixed(3)} test r2 ${(1 - testLoss / testVar).toFixed(3)}`);
}

main();
