'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(9516);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Concrete compressive strength (MPa) from the mix design and the curing age.
// Eight columns per batch: cement, blast-furnace slag, fly ash, water, superplasticizer,
// coarse aggregate, fine aggregate (all kg per m^3) and age in days.
// Features are standardized with the training statistics; a small MLP regresses the strength.
const N_TRAIN = 1200;
const N_TEST = 400;
const NUM_FEATURES = 8;

function labBatches(n) {
  const xs = [];
  const ys = [];
  for (let i = 0; i < n; i++) {
    const cement = rng.uniform(100, 540);
    const slag = rng.random() < 0.5 ? 0 : rng.uniform(20, 360);
    const flyAsh = rng.random() < 0.5 ? 0 : rng.uniform(20, 200);
    const water = rng.uniform(120, 245);
    const superplasticizer = rng.random() < 0.4 ? 0 : rng.uniform(2, 32);
    const coarse = rng.uniform(800, 1150);
    const fine = rng.uniform(590, 990);
    const age = [1, 3, 7, 14, 28, 56, 90, 180][rng.int(0, 8)];
    const binder = cement + 0.7 * slag + 0.4 * flyAsh;
    const ratio = water / binder;
    const maturity = Math.log(age + 1) / Math.log(29);
    const strength = 95 * Math.exp(-1.6 * ratio) * maturity
      + 0.35 * superplasticizer - 0.01 * (coarse - 975) - 0.008 * (fine - 790) + rng.normal(0, 2);
    xs.push([cement, slag, flyAsh, water, superplasticizer, coarse, fine, age]);
    ys.push([Math.max(strength, 2)]);
  }
  return { xs, ys };
}

async function main() {
  await tf.setBackend('wasm');

  const train = labBatches(N_TRAIN);
  const test = labBatches(N_TEST);
  const xTrainRaw = tf.tensor2d(train.xs, [N_TRAIN, NUM_FEATURES]);
  const yTrain = tf.tensor2d(train.ys, [N_TRAIN, 1]);
  const xTestRaw = tf.tensor2d(test.xs, [N_TEST, NUM_FEATURES]);
  const yTest = tf.tensor2d(test.ys, [N_TEST, 1]);

  const { mean, variance } = tf.moments(xTrainRaw, 0);
  const std = variance.sqrt().add(1e-6);
  const xTrain = xTrainRaw.sub(mean).div(std);
  const xTest = xTestRaw.sub(mean).div(std);

  // input dropout so the net can't lean on any single column of the mix sheet
  const model = tf.sequential();
  model.add(tf.layers.dropout({ rate: 0.1, inputShape: [NUM_FEATURES] }));
  model.add(tf.layers.dense({ units: 64, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 32, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 1 }));
  model.compile({ optimizer: tf.train.adam(0.01), loss: 'meanSquaredError', metrics: ['mae'] });

  const history = await model.fit(xTrain, yTrain, { epochs: 50, batchSize: 32, shuffle: true, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testMae] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  console.log(`loss ${h.loss[0].toFixed(2)} -> ${h.loss[last].toFixed(2)} mae ${h.mae[last].toFixed(2)} | test loss ${testLoss.toFixed(2)} test mae ${testMae.toFixed(2)}`);
}

main();
