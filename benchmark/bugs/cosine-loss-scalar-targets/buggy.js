'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(3907);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// House price regression on a synthetic table: floor area, bedrooms, house age, distance to the
// city centre and a garden flag. Features are standardized; the price is predicted in units of
// $100k by a small MLP with one linear output. 1000 houses for training, 250 held out.
const N_TRAIN = 1000;
const N_TEST = 250;
const NUM_FEATURES = 5;

function makeHouses(n) {
  const xs = [];
  const ys = [];
  for (let i = 0; i < n; i++) {
    const area = rng.uniform(50, 250);
    const bedrooms = rng.int(1, 6);
    const age = rng.uniform(0, 80);
    const distance = rng.uniform(1, 30);
    const garden = rng.random() < 0.4 ? 1 : 0;
    const price = 0.9 + 0.018 * area + 0.15 * bedrooms - 0.012 * age - 0.06 * distance + 0.3 * garden + rng.normal(0, 0.15);
    xs.push([(area - 150) / 58, (bedrooms - 3) / 1.4, (age - 40) / 23, (distance - 15.5) / 8.4, garden - 0.4]);
    ys.push([price]);
  }
  return { xs, ys };
}

async function main() {
  await tf.setBackend('wasm');

  const train = makeHouses(N_TRAIN);
  const test = makeHouses(N_TEST);
  const xTrain = tf.tensor2d(train.xs, [N_TRAIN, NUM_FEATURES]);
  const yTrain = tf.tensor2d(train.ys, [N_TRAIN, 1]);
  const xTest = tf.tensor2d(test.xs, [N_TEST, NUM_FEATURES]);
  const yTest = tf.tensor2d(test.ys, [N_TEST, 1]);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [NUM_FEATURES] }));
  model.add(tf.layers.dense({ units: 16, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 1 }));

  const priceLoss = (yTrue, yPred) => tf.losses.cosineDistance(yTrue, yPred, 1);
  model.compile({ optimizer: tf.train.adam(0.005), loss: priceLoss, metrics: ['mae'] });

  const history = await model.fit(xTrain, yTrain, { epochs: 30, batchSize: 32, shuffle: true, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const testMae = tf.tidy(() => tf.metrics.meanAbsoluteError(yTest, model.predict(xTest)).mean().dataSync()[0]);
  const baseline = tf.tidy(() => yTest.sub(yTrain.mean()).abs().mean().dataSync()[0]);
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} mae ${h.mae[0].toFixed(3)} -> ${h.mae[last].toFixed(3)} | test mae ${testMae.toFixed(3)} (predict-the-mean mae ${baseline.toFixed(3)})`);
}

main();
