'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(6843);
const tf = require('@tensorflow/tfjs');

// House prices with two inputs, as in the Keras/tfjs tabular tutorials: three numeric features
// (living area in sq ft, bedrooms, age in years) standardized with the training set's mean and
// std, and the neighborhood as an integer id fed through an embedding. The price (in $100k)
// depends on both: each neighborhood has its own base price and its own price per 1000 sq ft.
const NUM_FEATURES = 3;
const NUM_NEIGHBORHOODS = 8;
const BASE = [0.6, 1.0, 1.5, 0.8, 2.2, 1.2, 0.4, 1.8];
const PER_KSQFT = [0.9, 1.3, 1.1, 1.8, 1.5, 0.7, 2.0, 1.2];
const NOISE = 0.25;

// Expected price without the noise term.
function meanPrice(sqft, bedrooms, age, hood) {
  return BASE[hood] + PER_KSQFT[hood] * (sqft / 1000) + 0.15 * bedrooms - 0.012 * age;
}

function makeHouses(n) {
  const numeric = [];
  const hoods = [];
  const prices = [];
  for (let i = 0; i < n; i++) {
    const sqft = rng.uniform(600, 3500);
    const bedrooms = Math.max(1, Math.min(6, Math.round(sqft / 700 + rng.normal(0, 0.7))));
    const age = rng.uniform(0, 80);
    const hood = rng.int(0, NUM_NEIGHBORHOODS);
    numeric.push([sqft, bedrooms, age]);
    hoods.push([hood]);
    prices.push([meanPrice(sqft, bedrooms, age, hood) + rng.normal(0, NOISE)]);
  }
  return { numeric, hoods, prices };
}

async function main() {
  await tf.setBackend('cpu');

  const NTRAIN = 1200;
  const NTEST = 500;
  const train = makeHouses(NTRAIN);
  const test = makeHouses(NTEST);
  const numericTrainRaw = tf.tensor2d(train.numeric, [NTRAIN, NUM_FEATURES]);
  const numericTestRaw = tf.tensor2d(test.numeric, [NTEST, NUM_FEATURES]);
  const hoodTrain = tf.tensor2d(train.hoods, [NTRAIN, 1], 'int32');
  const hoodTest = tf.tensor2d(test.hoods, [NTEST, 1], 'int32');
  const yTrain = tf.tensor2d(train.prices, [NTRAIN, 1]);
  const yTest = tf.tensor2d(test.prices, [NTEST, 1]);

  // Standardize the numeric features with statistics of the training set only.
  const { mean: featureMean, variance: featureVar } = tf.moments(numericTrainRaw, 0);
  const featureStd = featureVar.sqrt();
  const numericTrain = numericTrainRaw.sub(featureMean).div(featureStd);
  const numericTest = numericTestRaw.sub(featureMean).div(featureStd);

  const numericInput = tf.input({ shape: [NUM_FEATURES], name: 'numeric' });
  const hoodInput = tf.input({ shape: [1], dtype: 'int32', name: 'neighborhood' });
  const hoodEmbedding = tf.layers.embedding({ inputDim: NUM_NEIGHBORHOODS, outputDim: 4, inputLength: 1 }).apply(hoodInput);
  const hoodVector = tf.layers.flatten().apply(hoodEmbedding);
  const merged = tf.layers.concatenate().apply([numericInput, hoodVector]);
  const hidden1 = tf.layers.dense({ units: 32, activation: 'relu' }).apply(merged);
  const hidden2 = tf.layers.dense({ units: 16, activation: 'relu' }).apply(hidden1);
  const priceOutput = tf.layers.dense({ units: 1 }).apply(hidden2);
  const model = tf.model({ inputs: [numericInput, hoodInput], outputs: priceOutput });

  model.compile({ optimizer: tf.train.adam(0.01), loss: 'meanSquaredError' });

  const history = await model.fit([numericTrain, hoodTrain], yTrain, { epochs: 150, batchSize: 32, validationSplit: 0.2, verbose: 0, callbacks: tf.callbacks.earlyStopping({ monitor: 'val_loss', patience: 10 }) });

  const h = history.history;
  const last = h.loss.length - 1;
  const testMse = tf.tidy(() => model.evaluate([numericTest, hoodTest], yTest).dataSync()[0]);
  // No-skill baseline: predict the training mean price for every house.
  const meanBaseline = tf.tidy(() => yTest.sub(yTrain.mean()).square().mean().dataSync()[0]);
  // Best possible numeric-only predictor, from the generating formula: the expected price over
  // the (uniform) neighborhood given the numeric features. A model ignoring the category cannot
  // beat it on average.
  let numericOnlySse = 0;
  for (let i = 0; i < NTEST; i++) {
    const [sqft, bedrooms, age] = test.numeric[i];
    let expected = 0;
    for (let k = 0; k < NUM_NEIGHBORHOODS; k++) expected += meanPrice(sqft, bedrooms, age, k) / NUM_NEIGHBORHOODS;
    numericOnlySse += (test.prices[i][0] - expected) ** 2;
  }
  const numericOnlyMse = numericOnlySse / NTEST;
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)}, val_loss ${h.val_loss[last].toFixed(3)} after ${h.loss.length} epochs | held-out MSE ${testMse.toFixed(4)} vs mean baseline ${meanBaseline.toFixed(4)}, best numeric-only ${numericOnlyMse.toFixed(4)}, noise floor ${(NOISE * NOISE).toFixed(4)}`);
}

main();
