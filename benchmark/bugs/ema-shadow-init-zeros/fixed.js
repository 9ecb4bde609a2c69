'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(5738);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Predict a rooftop solar installation's daily output (standardized kWh) from 8 standardized
// weather and site features (irradiance, cloud cover, temperature, panel tilt, ...). Custom
// training loop with Adam; after a few warm-up epochs an exponential moving average of the
// weights is kept, and the averaged network is the one that is evaluated and shipped.
const NUM_FEATURES = 8;
const N_TRAIN = 1000;
const N_TEST = 400;
const BATCH = 32;
const EPOCHS = 30;
const EMA_START_EPOCH = 10;
const DECAY = 0.999;

function makeData(n) {
  const xs = [];
  const ys = [];
  for (let i = 0; i < n; i++) {
    const x = rng.array(NUM_FEATURES, () => rng.normal(0, 1));
    const y = Math.sin(1.5 * x[0]) + 0.6 * x[1] * x[2] - 0.3 * (x[3] * x[3] - 1) + 0.5 * x[4] + rng.normal(0, 0.1);
    xs.push(x);
    ys.push([y]);
  }
  return { xs: tf.tensor2d(xs, [n, NUM_FEATURES]), ys: tf.tensor2d(ys, [n, 1]) };
}

function buildModel() {
  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [NUM_FEATURES] }));
  model.add(tf.layers.dense({ units: 32, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 1 }));
  return model;
}

async function main() {
  await tf.setBackend('wasm');
  const train = makeData(N_TRAIN);
  const test = makeData(N_TEST);

  const model = buildModel();
  const emaModel = buildModel();
  const weights = model.trainableWeights;
  let shadow = null;

  const optimizer = tf.train.adam(0.01);
  const numBatches = Math.floor(N_TRAIN / BATCH);
  const losses = [];
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    if (epoch === EMA_START_EPOCH) {
      shadow = weights.map((w) => tf.variable(w.read().clone(), false));
    }
    const order = tf.util.createShuffledIndices(N_TRAIN);
    let epochLoss = 0;
    for (let b = 0; b < numBatches; b++) {
      const idx = tf.tensor1d(Array.from(order.slice(b * BATCH, (b + 1) * BATCH)), 'int32');
      const loss = optimizer.minimize(() => tf.losses.meanSquaredError(train.ys.gather(idx), model.predict(train.xs.gather(idx))), true);
      idx.dispose();
      epochLoss += loss.dataSync()[0] / numBatches;
      loss.dispose();
      if (shadow) {
        tf.tidy(() => {
          weights.forEach((w, i) => shadow[i].assign(shadow[i].mul(DECAY).add(w.read().mul(1 - DECAY))));
        });
      }
    }
    losses.push(epochLoss);
  }

  emaModel.trainableWeights.forEach((w, i) => w.write(shadow[i]));
  const evaluate = (m, data) =>
    tf.tidy(() => {
      const pred = m.predict(data.xs);
      return [tf.losses.meanSquaredError(data.ys, pred).dataSync()[0], tf.losses.absoluteDifference(data.ys, pred).dataSync()[0]];
    });
  const [trainMse, trainMae] = evaluate(emaModel, train);
  const [testMse, testMae] = evaluate(emaModel, test);
  console.log(`loss ${losses[0].toFixed(3)} -> ${losses[losses.length - 1].toFixed(3)} | EMA model: train mse ${trainMse.toFixed(3)} mae ${trainMae.toFixed(3)} | test mse ${testMse.toFixed(3)} test mae ${testMae.toFixed(3)}`);
}

main();
