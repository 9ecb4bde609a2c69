'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(9631);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Daily heating energy (kWh) of office buildings from their survey sheet and the day's weather.
// Hand-written training loop (Adam, MSE on standardized targets, reshuffled every epoch). Run
// settings come from the environment so the scheduler can override them, e.g.
//   BATCH_SIZE=128 node train.js
process.env.BATCH_SIZE = process.env.BATCH_SIZE || '64';

const BATCH_SIZE = process.env.BATCH_SIZE || 64;
const N_TRAIN = 4096;
const N_TEST = 800;
const N_FEATURES = 7;
const EPOCHS = 12;

function surveyBuildings(n) {
  const x = [];
  const y = [];
  for (let i = 0; i < n; i++) {
    const area = rng.uniform(200, 3000); // m2
    const insulation = rng.uniform(1, 6); // wall R-value
    const glazing = rng.uniform(0.1, 0.7); // window-to-wall ratio
    const age = rng.int(0, 80); // years
    const outdoor = rng.uniform(-15, 15); // mean outdoor temperature, C
    const occupants = rng.int(5, 200);
    const southFacing = rng.random() < 0.5 ? 1 : 0;
    const degrees = Math.max(0, 18 - outdoor);
    const loss = (area / 1000) * degrees * (0.6 + glazing * 1.5 + age / 60) / Math.sqrt(insulation);
    const kwh = 40 * loss - 0.15 * occupants * (degrees > 0 ? 1 : 0) - 8 * southFacing + rng.normal(0, 10);
    x.push([area, insulation, glazing, age, outdoor, occupants, southFacing]);
    y.push([Math.max(kwh, 0)]);
  }
  return { x, y };
}

async function main() {
  await tf.setBackend('wasm');
  const data = surveyBuildings(N_TRAIN + N_TEST);
  const raw = tf.tensor2d(data.x, [N_TRAIN + N_TEST, N_FEATURES]);
  const kwh = tf.tensor2d(data.y, [N_TRAIN + N_TEST, 1]);
  const xStats = tf.moments(raw.slice([0, 0], [N_TRAIN, N_FEATURES]), 0);
  const yStats = tf.moments(kwh.slice([0, 0], [N_TRAIN, 1]));
  const yMean = yStats.mean.dataSync()[0];
  const yStd = Math.sqrt(yStats.variance.dataSync()[0]);
  const features = raw.sub(xStats.mean).div(xStats.variance.sqrt().add(1e-6));
  const targets = kwh.sub(yMean).div(yStd);
  const xTrain = features.slice([0, 0], [N_TRAIN, N_FEATURES]);
  const yTrain = targets.slice([0, 0], [N_TRAIN, 1]);
  const xTest = features.slice([N_TRAIN, 0], [N_TEST, N_FEATURES]);
  const kwhTest = kwh.slice([N_TRAIN, 0], [N_TEST, 1]);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 64, activation: 'relu', inputShape: [N_FEATURES] }));
  model.add(tf.layers.dense({ units: 32, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 1 }));
  const optimizer = tf.train.adam(0.002);

  const order = Array.from({ length: N_TRAIN }, (_, i) => i);
  const losses = [];
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    tf.util.shuffle(order);
    const idx = tf.tensor1d(order, 'int32');
    const xs = tf.gather(xTrain, idx);
    const ys = tf.gather(yTrain, idx);
    let epochLoss = 0;
    let batches = 0;
    for (let start = 0; start < N_TRAIN; start += BATCH_SIZE) {
      const size = Math.min(BATCH_SIZE, N_TRAIN - start);
      const loss = optimizer.minimize(() => {
        const xb = xs.slice([start, 0], [size, N_FEATURES]);
        const yb = ys.slice([start, 0], [size, 1]);
        return tf.losses.meanSquaredError(yb, model.predict(xb));
      }, true);
      epochLoss += loss.dataSync()[0];
      batches++;
      loss.dispose();
    }
    tf.dispose([idx, xs, ys]);
    losses.push(epochLoss / batches);
  }

  const [testMae, testR2] = tf.tidy(() => {
    const pred = model.predict(xTest).mul(yStd).add(yMean);
    const mae = pred.sub(kwhTest).abs().mean().dataSync()[0];
    const sse = pred.sub(kwhTest).square().sum().dataSync()[0];
    const sst = kwhTest.sub(kwhTest.mean()).square().sum().dataSync()[0];
    return [mae, 1 - sse / sst];
  });
  console.log(`batch ${BATCH_SIZE} loss ${losses[0].toFixed(4)} -> ${losses[losses.length - 1].toFixed(4)} | test mae ${testMae.toFixed(1)} kWh test r2 ${testR2.toFixed(3)}`);
}

main();
