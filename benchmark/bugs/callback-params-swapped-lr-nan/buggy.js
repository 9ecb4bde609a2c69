'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(9640);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Net electrical output (MW) of a combined-cycle power plant from hourly ambient readings:
// temperature (C), exhaust vacuum (cm Hg), ambient pressure (mbar) and relative humidity (%).
// Plain SGD with a step-decay schedule: the rate is halved every 10 epochs.
const N_TRAIN = 2000;
const N_TEST = 600;
const EPOCHS = 30;
const BASE_LR = 0.05;

function readings(n) {
  const xs = [];
  const ys = [];
  for (let i = 0; i < n; i++) {
    const temp = rng.uniform(2, 36);
    const vacuum = 25 + 1.1 * temp + rng.normal(0, 5);
    const pressure = rng.normal(1013, 6);
    const humidity = Math.min(100, Math.max(25, rng.normal(73, 14)));
    const output = 497 - 1.8 * temp - 0.25 * (vacuum - 54) + 0.06 * (pressure - 1013)
      - 0.15 * (humidity - 73) + 0.012 * (temp - 19) * (humidity - 73) / 10 + rng.normal(0, 3);
    xs.push([temp, vacuum, pressure, humidity]);
    ys.push([output]);
  }
  return { xs, ys };
}

async function main() {
  await tf.setBackend('wasm');

  const train = readings(N_TRAIN);
  const test = readings(N_TEST);
  const xTrainRaw = tf.tensor2d(train.xs);
  const xTestRaw = tf.tensor2d(test.xs);
  const { mean, variance } = tf.moments(xTrainRaw, 0);
  const std = variance.sqrt();
  const xTrain = xTrainRaw.sub(mean).div(std);
  const xTest = xTestRaw.sub(mean).div(std);

  // the target is centred and scaled too; predictions are mapped back to MW for the report
  const yMean = train.ys.reduce((a, [y]) => a + y, 0) / N_TRAIN;
  const ySd = Math.sqrt(train.ys.reduce((a, [y]) => a + (y - yMean) ** 2, 0) / N_TRAIN);
  const yTrain = tf.tensor2d(train.ys).sub(yMean).div(ySd);
  const yTest = tf.tensor2d(test.ys);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [4] }));
  model.add(tf.layers.dense({ units: 16, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 1 }));
  const optimizer = tf.train.sgd(BASE_LR);
  model.compile({ optimizer, loss: 'meanSquaredError', metrics: ['mae'] });

  const stepDecay = {
    onEpochBegin: async (logs, epoch) => {
      optimizer.setLearningRate(BASE_LR * Math.pow(0.5, Math.floor(epoch / 10)));
    },
  };

  const history = await model.fit(xTrain, yTrain, {
    epochs: EPOCHS,
    batchSize: 32,
    shuffle: true,
    verbose: 0,
    callbacks: [stepDecay],
  });

  const h = history.history;
  const last = h.loss.length - 1;
  const pred = model.predict(xTest).mul(ySd).add(yMean);
  const testMae = tf.mean(tf.abs(pred.sub(yTest))).dataSync()[0];
  const testR2 = 1 - tf.mean(tf.square(pred.sub(yTest))).dataSync()[0] / tf.moments(yTest).variance.dataSync()[0];
  console.log(`loss ${h.loss[0].toFixed(4)} -> ${h.loss[last].toFixed(4)} mae ${h.mae[last].toFixed(4)} | test mae ${testMae.toFixed(2)} MW test R2 ${testR2.toFixed(3)}`);
}

main();
