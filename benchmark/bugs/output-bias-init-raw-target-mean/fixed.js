'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(9547);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// House sale prices from listing features. Inputs and prices are standardized with the
// training statistics; predictions are mapped back to dollars for the held-out report.
// The output bias starts at the average price so the first epochs do not have to learn
// the offset (a trick that usually speeds up regression training).
const N_TRAIN = 1600;
const N_TEST = 400;
const NUM_FEATURES = 6;

function makeListings(n) {
  const xs = [];
  const ys = [];
  for (let i = 0; i < n; i++) {
    const sqft = rng.uniform(700, 3500);
    const bedrooms = rng.int(1, 6);
    const bathrooms = rng.int(1, 4);
    const age = rng.uniform(0, 80);
    const lotAcres = rng.uniform(0.05, 1.2);
    const milesToCenter = rng.uniform(0.5, 30);
    const price =
      60000 + 95 * sqft + 8000 * bedrooms + 12000 * bathrooms - 900 * age + 40000 * lotAcres -
      3500 * milesToCenter + 0.012 * (sqft - 1800) ** 2 + rng.normal(0, 15000);
    xs.push([sqft, bedrooms, bathrooms, age, lotAcres, milesToCenter]);
    ys.push(price);
  }
  return { xs, ys };
}

async function main() {
  await tf.setBackend('wasm');

  const train = makeListings(N_TRAIN);
  const test = makeListings(N_TEST);
  const meanY = train.ys.reduce((a, b) => a + b, 0) / N_TRAIN;

  const xTrainRaw = tf.tensor2d(train.xs, [N_TRAIN, NUM_FEATURES]);
  const xTestRaw = tf.tensor2d(test.xs, [N_TEST, NUM_FEATURES]);
  const yTrainRaw = tf.tensor2d(train.ys, [N_TRAIN, 1]);
  const yTestRaw = tf.tensor2d(test.ys, [N_TEST, 1]);

  const { mean: xMean, variance: xVar } = tf.moments(xTrainRaw, 0);
  const xStd = xVar.sqrt().add(1e-6);
  const xTrain = xTrainRaw.sub(xMean).div(xStd);
  const xTest = xTestRaw.sub(xMean).div(xStd);
  const { mean: yMean, variance: yVar } = tf.moments(yTrainRaw);
  const yStd = yVar.sqrt();
  const yTrain = yTrainRaw.sub(yMean).div(yStd);
  const yTest = yTestRaw.sub(yMean).div(yStd);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [NUM_FEATURES] }));
  model.add(tf.layers.dense({ units: 16, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 1, biasInitializer: tf.initializers.constant({ value: 0 }) }));
  model.compile({ optimizer: tf.train.adam(0.01), loss: 'meanSquaredError', metrics: ['mae'] });

  const history = await model.fit(xTrain, yTrain, { epochs: 40, batchSize: 32, shuffle: true, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  const predDollars = model.predict(xTest).mul(yStd).add(yMean);
  const testMaeDollars = predDollars.sub(yTestRaw).abs().mean().dataSync()[0];
  console.log(`loss ${h.loss[0].toExponential(3)} -> ${h.loss[last].toExponential(3)} mae ${h.mae[last].toFixed(3)} | test loss ${testLoss.toExponential(3)} test mae $${testMaeDollars.toFixed(0)}`);
}

main();
