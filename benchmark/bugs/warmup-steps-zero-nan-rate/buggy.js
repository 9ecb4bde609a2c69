'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(9645);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Food-delivery ETA model: minutes from order to doorstep, predicted from the route distance (km),
// the number of items, the restaurant's prep backlog, a city traffic index and whether it rains.
// Trained with plain SGD; the learning rate is set per batch by a linear warmup, which ramps the
// rate from 0 to the base rate over the first warmupSteps batches and then holds it.
const CONFIG = {
  baseLr: 0.03,
  warmupSteps: 0, // warmup disabled for this experiment
  epochs: 20,
  batchSize: 32,
};
const N_TRAIN = 2400;
const N_TEST = 600;

function orders(n) {
  const xs = [];
  const ys = [];
  for (let i = 0; i < n; i++) {
    const distance = rng.uniform(0.5, 12);
    const items = rng.int(1, 9);
    const backlog = rng.int(0, 15);
    const traffic = rng.uniform(0.8, 2.2);
    const rain = rng.random() < 0.25 ? 1 : 0;
    const minutes = 8 + 1.2 * items + 1.5 * backlog + 3.2 * distance * traffic + 6 * rain
      + 0.4 * rain * distance + rng.normal(0, 3);
    xs.push([distance, items, backlog, traffic, rain]);
    ys.push([minutes]);
  }
  return { xs, ys };
}

async function main() {
  await tf.setBackend('wasm');

  const train = orders(N_TRAIN);
  const test = orders(N_TEST);
  const xTrainRaw = tf.tensor2d(train.xs);
  const xTestRaw = tf.tensor2d(test.xs);
  const { mean, variance } = tf.moments(xTrainRaw, 0);
  const std = variance.sqrt();
  const xTrain = xTrainRaw.sub(mean).div(std);
  const xTest = xTestRaw.sub(mean).div(std);
  // minutes are scaled by the training mean and spread; the report is back in minutes
  const yMean = train.ys.reduce((a, [y]) => a + y, 0) / N_TRAIN;
  const ySd = Math.sqrt(train.ys.reduce((a, [y]) => a + (y - yMean) ** 2, 0) / N_TRAIN);
  const yTrain = tf.tensor2d(train.ys).sub(yMean).div(ySd);
  const yTest = tf.tensor2d(test.ys);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [5] }));
  model.add(tf.layers.dense({ units: 16, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 1 }));
  const optimizer = tf.train.sgd(CONFIG.baseLr);
  model.compile({ optimizer, loss: 'meanSquaredError', metrics: ['mae'] });

  let globalStep = 0;
  const warmup = {
    onBatchBegin: async () => {
      const scale = Math.min(1, globalStep / CONFIG.warmupSteps);
      optimizer.setLearningRate(CONFIG.baseLr * scale);
      globalStep += 1;
    },
  };

  const history = await model.fit(xTrain, yTrain, {
    epochs: CONFIG.epochs,
    batchSize: CONFIG.batchSize,
    shuffle: true,
    verbose: 0,
    callbacks: [warmup],
  });

  const h = history.history;
  const last = h.loss.length - 1;
  const pred = model.predict(xTest).mul(ySd).add(yMean);
  const testMae = tf.mean(tf.abs(pred.sub(yTest))).dataSync()[0];
  const testR2 = 1 - tf.mean(tf.square(pred.sub(yTest))).dataSync()[0] / tf.moments(yTest).variance.dataSync()[0];
  console.log(`loss ${h.loss[0].toFixed(4)} -> ${h.loss[last].toFixed(4)} mae ${h.mae[last].toFixed(4)} | test mae ${testMae.toFixed(2)} min test R2 ${testR2.toFixed(3)}`);
}

main();
