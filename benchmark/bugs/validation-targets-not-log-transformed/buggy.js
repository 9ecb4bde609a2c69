'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(9689);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// House sale prices (thousands of dollars) from the listing: living area, lot size, bedrooms,
// bathrooms, age, distance to the city centre, garage and renovation flags. Prices are heavily
// right-skewed, so the network regresses log1p(price) and predictions are mapped back with expm1.
// Last quarter's sales are the validation set, passed to fit so the curves can be compared.
const N_TRAIN = 1200;
const N_VAL = 400;
const NUM_FEATURES = 8;

function listings(n) {
  return rng.array(n, () => {
    const area = Math.max(rng.normal(1800, 600), 500); // sq ft
    const lot = Math.max(rng.normal(7000, 3000), 1500); // sq ft
    const bedrooms = rng.int(1, 6);
    const bathrooms = rng.int(1, 4);
    const age = rng.uniform(0, 80);
    const distance = rng.uniform(1, 40); // km
    const garage = rng.random() < 0.6 ? 1 : 0;
    const renovated = rng.random() < 0.25 ? 1 : 0;
    const logPrice = 4.2 + 0.6 * Math.log(area / 100) + 0.12 * Math.log(lot / 1000) + 0.04 * bathrooms
      - 0.004 * age - 0.025 * distance + 0.08 * garage + 0.1 * renovated + rng.normal(0, 0.1);
    return { features: [area, lot, bedrooms, bathrooms, age, distance, garage, renovated], price: Math.exp(logPrice) };
  });
}

function trainingSplit(rows) {
  return {
    xs: rows.map((r) => r.features),
    ys: rows.map((r) => [Math.log1p(r.price)]),
  };
}

function validationSplit(rows) {
  return {
    xs: rows.map((r) => r.features),
    ys: rows.map((r) => [r.price]),
  };
}

async function main() {
  await tf.setBackend('wasm');

  const trainRows = listings(N_TRAIN);
  const valRows = listings(N_VAL);
  const train = trainingSplit(trainRows);
  const val = validationSplit(valRows);
  const xTrainRaw = tf.tensor2d(train.xs, [N_TRAIN, NUM_FEATURES]);
  const yTrain = tf.tensor2d(train.ys, [N_TRAIN, 1]);
  const xValRaw = tf.tensor2d(val.xs, [N_VAL, NUM_FEATURES]);
  const yVal = tf.tensor2d(val.ys, [N_VAL, 1]);

  const { mean, variance } = tf.moments(xTrainRaw, 0);
  const std = variance.sqrt().add(1e-6);
  const xTrain = xTrainRaw.sub(mean).div(std);
  const xVal = xValRaw.sub(mean).div(std);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [NUM_FEATURES] }));
  model.add(tf.layers.dense({ units: 16, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 1 }));
  model.compile({ optimizer: tf.train.adam(0.01), loss: 'meanSquaredError', metrics: ['mae'] });

  const history = await model.fit(xTrain, yTrain, {
    epochs: 30,
    batchSize: 40,
    shuffle: true,
    validationData: [xVal, yVal],
    verbose: 0,
  });

  // held-out error in dollars: both sides back from log scale
  const h = history.history;
  const last = h.loss.length - 1;
  const predPrice = model.predict(xVal).dataSync().map((v) => Math.expm1(v));
  const truePrice = Array.from(yVal.dataSync()).map((v) => Math.expm1(v));
  let absErr = 0;
  let pctErr = 0;
  for (let i = 0; i < N_VAL; i++) {
    absErr += Math.abs(predPrice[i] - truePrice[i]) / N_VAL;
    pctErr += (100 * Math.abs(predPrice[i] - truePrice[i])) / truePrice[i] / N_VAL;
  }
  console.log(`loss ${h.loss[0].toFixed(4)} -> ${h.loss[last].toFixed(4)} mae ${h.mae[last].toFixed(4)} | val_loss ${h.val_loss[0].toFixed(4)} -> ${h.val_loss[last].toFixed(4)} val_mae ${h.val_mae[last].toFixed(4)} | held-out price mae ${absErr.toFixed(1)}k$ (${pctErr.toFixed(1)}%)`);
}

main();
