'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(5183);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Predict the fill ratio of a storage tank (0 = empty, 1 = full) from 6 standardized sensor
// readings. The ratio is a smooth nonlinear function of the readings plus a little noise.
// Dense regressor with MSE; held-out error and R^2 are computed against the recorded ratios.
const N_TRAIN = 1200;
const N_TEST = 300;
const NUM_FEATURES = 6;

function makeReadings(n) {
  const xs = [];
  const ys = [];
  for (let i = 0; i < n; i++) {
    const r = rng.array(NUM_FEATURES, () => rng.normal(0, 1));
    const z = 1.2 * r[0] - 0.8 * r[1] + 0.6 * r[2] * r[3] + 0.5 * Math.sin(2 * r[4]) - 0.3 * r[5];
    const ratio = 1 / (1 + Math.exp(-z)) + rng.normal(0, 0.02);
    xs.push(r);
    ys.push(Math.min(1, Math.max(0, ratio)));
  }
  return { xs, ys };
}

function toTensors(data) {
  const n = data.xs.length;
  const x = tf.tensor2d(data.xs, [n, NUM_FEATURES]);
  const y = tf.tensor2d(data.ys, [n, 1], 'int32');
  return { x, y };
}

async function main() {
  await tf.setBackend('wasm');

  const train = makeReadings(N_TRAIN);
  const test = makeReadings(N_TEST);
  const trainT = toTensors(train);
  const testT = toTensors(test);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [NUM_FEATURES] }));
  model.add(tf.layers.dense({ units: 16, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 1 }));
  model.compile({ optimizer: tf.train.adam(0.005), loss: 'meanSquaredError' });

  const history = await model.fit(trainT.x, trainT.y, { epochs: 40, batchSize: 32, shuffle: true, verbose: 0 });

  const preds = Array.from(model.predict(testT.x).dataSync());
  const mean = test.ys.reduce((a, b) => a + b, 0) / N_TEST;
  const predMean = preds.reduce((a, b) => a + b, 0) / N_TEST;
  let sse = 0;
  let sst = 0;
  let spp = 0;
  for (let i = 0; i < N_TEST; i++) {
    sse += (preds[i] - test.ys[i]) ** 2;
    sst += (test.ys[i] - mean) ** 2;
    spp += (preds[i] - predMean) ** 2;
  }
  const predStd = Math.sqrt(spp / N_TEST);
  const h = history.history;
  const last = h.loss.length - 1;
  console.log(`loss ${h.loss[0].toFixed(4)} -> ${h.loss[last].toFixed(4)} | test mse ${(sse / N_TEST).toFixed(4)} test r2 ${(1 - sse / sst).toFixed(3)} pred std ${predStd.toFixed(3)}`);
}

main();
