'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(5508);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Wind-farm monitoring: predict a turbine's output as a fraction of its rated power from 6
// standardized SCADA readings (wind speed, direction as sin/cos, air density, turbulence
// intensity, yaw error). Small MLP with Adam and a linear learning-rate warm-up; the model is
// trained one epoch per fit call so that the held-out error can be checked and logged in between.
const N_FEATURES = 6;
const N_TRAIN = 1000;
const N_TEST = 400;
const EPOCHS = 25;
const BASE_LR = 0.01;
const WARMUP_EPOCHS = 5;

function makeReadings(n) {
  const xs = [];
  const ys = [];
  for (let i = 0; i < n; i++) {
    const x = rng.array(N_FEATURES, () => rng.normal(0, 1));
    const curve = 1 / (1 + Math.exp(-2.5 * x[0]));
    const power = curve * (1 + 0.1 * x[3]) * (1 - 0.1 * Math.tanh(x[4])) * Math.cos(0.4 * Math.tanh(x[5])) + 0.05 * x[1] * x[2];
    xs.push(x);
    ys.push([power + rng.normal(0, 0.02)]);
  }
  return { xs, ys };
}

async function main() {
  await tf.setBackend('wasm');

  const train = makeReadings(N_TRAIN);
  const test = makeReadings(N_TEST);
  const xTrain = tf.tensor2d(train.xs, [N_TRAIN, N_FEATURES]);
  const yTrain = tf.tensor2d(train.ys, [N_TRAIN, 1]);
  const xTest = tf.tensor2d(test.xs, [N_TEST, N_FEATURES]);
  const yTest = tf.tensor2d(test.ys, [N_TEST, 1]);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [N_FEATURES] }));
  model.add(tf.layers.dense({ units: 32, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 1 }));
  model.compile({ optimizer: tf.train.adam(BASE_LR), loss: 'meanSquaredError', metrics: ['mae'] });

  const warmup = {
    onEpochBegin: async (epoch) => {
      model.optimizer.learningRate = BASE_LR * Math.min(1, epoch / WARMUP_EPOCHS);
    },
  };

  const log = [];
  let trainLoss = NaN;
  let trainMae = NaN;
  for (let e = 0; e < EPOCHS; e++) {
    const history = await model.fit(xTrain, yTrain, { initialEpoch: e, epochs: e + 1, batchSize: 32, shuffle: true, verbose: 0, callbacks: [warmup] });
    trainLoss = history.history.loss[history.history.loss.length - 1];
    trainMae = history.history.mae[history.history.mae.length - 1];
    const [valLoss, valMae] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
    log.push({ epoch: e + 1, trainLoss, valLoss, valMae });
  }

  const [testLoss, testMae] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  console.log(`lr ${model.optimizer.learningRate} | loss ${log[0].trainLoss.toFixed(4)} -> ${trainLoss.toFixed(4)} mae ${trainMae.toFixed(3)} | test loss ${testLoss.toFixed(4)} test mae ${testMae.toFixed(3)}`);
}

main();
