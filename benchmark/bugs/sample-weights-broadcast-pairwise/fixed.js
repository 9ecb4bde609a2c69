'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(9620);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Daily electricity use (MWh) of office buildings from outdoor temperature, floor area, occupancy,
// weekday flag and the age of the HVAC plant. The smart-meter export carries a QC flag: on flagged
// days the logger lost its connection and wrote its saturation value (9.99) into the reading, so
// those rows get sample weight 0 and every clean row weight 1. Weighted MSE, small MLP, custom
// training loop with Adam. Held-out: clean readings from the following quarter.
const N_TRAIN = 1200;
const N_TEST = 400;
const N_FEATURES = 5;
const SATURATED_READING = 9.99;
const EPOCHS = 30;
const BATCH_SIZE = 64;

function meterDay(dropoutRate) {
  const temperature = rng.normal(14, 9);
  const area = rng.uniform(2, 12); // thousand m^2
  const occupancy = rng.uniform(0.2, 1);
  const weekday = rng.random() < 5 / 7 ? 1 : 0;
  const plantAge = rng.uniform(0, 25);
  const hvac = 0.012 * Math.abs(temperature - 18) * (1 + plantAge / 30);
  const usage = area * (0.08 + 0.12 * occupancy * (0.4 + 0.6 * weekday) + hvac) + rng.normal(0, 0.08);
  const flagged = rng.random() < dropoutRate;
  return { x: [temperature, area, occupancy, weekday, plantAge], y: flagged ? SATURATED_READING : usage, flagged };
}

function weightedMse(yTrue, yPred, w) {
  const sq = tf.square(tf.sub(yPred, yTrue));
  return tf.sum(tf.mul(sq, tf.reshape(w, [-1, 1]))).div(tf.sum(w).add(1e-6));
}

async function main() {
  await tf.setBackend('wasm');

  const days = rng.array(N_TRAIN, () => meterDay(0.3));
  const nextQuarter = rng.array(N_TEST, () => meterDay(0));

  const xTrainRaw = tf.tensor2d(days.map((d) => d.x), [N_TRAIN, N_FEATURES]);
  const yTrain = tf.tensor2d(days.map((d) => [d.y]), [N_TRAIN, 1]);
  const wTrain = tf.tensor1d(days.map((d) => (d.flagged ? 0 : 1)));
  const xTestRaw = tf.tensor2d(nextQuarter.map((d) => d.x), [N_TEST, N_FEATURES]);
  const yTest = tf.tensor2d(nextQuarter.map((d) => [d.y]), [N_TEST, 1]);

  const { mean, variance } = tf.moments(xTrainRaw, 0);
  const std = variance.sqrt().add(1e-6);
  const xTrain = xTrainRaw.sub(mean).div(std);
  const xTest = xTestRaw.sub(mean).div(std);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [N_FEATURES] }));
  model.add(tf.layers.dense({ units: 16, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 1 }));

  const optimizer = tf.train.adam(0.005);
  const losses = [];
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    const order = tf.util.createShuffledIndices(N_TRAIN);
    let epochLoss = 0;
    let steps = 0;
    for (let start = 0; start < N_TRAIN; start += BATCH_SIZE) {
      const cost = tf.tidy(() => {
        const idx = tf.tensor1d(Array.from(order.slice(start, start + BATCH_SIZE)), 'int32');
        const xb = xTrain.gather(idx);
        const yb = yTrain.gather(idx);
        const wb = wTrain.gather(idx);
        return optimizer.minimize(() => weightedMse(yb, model.apply(xb, { training: true }), wb), true);
      });
      epochLoss += cost.dataSync()[0];
      steps++;
      cost.dispose();
    }
    losses.push(epochLoss / steps);
  }

  const clean = days.map((d, i) => (d.flagged ? -1 : i)).filter((i) => i >= 0);
  const mae = (x, y) => tf.tidy(() => model.predict(x).sub(y).abs().mean().dataSync()[0]);
  const cleanIdx = tf.tensor1d(clean, 'int32');
  const trainMae = mae(xTrain.gather(cleanIdx), yTrain.gather(cleanIdx));
  const testMae = mae(xTest, yTest);
  const baseline = tf.tidy(() => yTest.sub(yTest.mean()).abs().mean().dataSync()[0]);
  console.log(`weighted loss ${losses[0].toFixed(3)} -> ${losses[losses.length - 1].toFixed(3)} clean-train mae ${trainMae.toFixed(3)} | test mae ${testMae.toFixed(3)} MWh (predict-the-mean mae ${baseline.toFixed(3)})`);
}

main();
