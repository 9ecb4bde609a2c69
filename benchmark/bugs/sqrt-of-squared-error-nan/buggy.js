'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(6421);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Next-day rainfall (mm) at a weather station from 8 standardized readings of the day before
// (humidity, pressure and its trend, cloud cover, dew point spread, wind, ...). Most days are
// dry (exactly 0 mm) and a few storms bring heavy rain, so the model is fitted with an absolute
// error loss, which the storms do not dominate. A ReLU output keeps predictions non-negative; its
// bias starts at 1 mm so the unit begins active.
const N_FEATURES = 8;
const N_TRAIN = 1500;
const N_TEST = 500;

const weather = rng.array(N_FEATURES, () => rng.normal(0, 0.6));

function makeDays(n) {
  const xs = [];
  const ys = [];
  for (let i = 0; i < n; i++) {
    const x = rng.array(N_FEATURES, () => rng.normal(0, 1));
    let s = -0.4;
    for (let j = 0; j < N_FEATURES; j++) s += weather[j] * x[j];
    s += 0.4 * x[0] * x[1] + rng.normal(0, 0.4);
    xs.push(x);
    ys.push([s > 0 ? 6 * s * s + 2 * s : 0]);
  }
  return { xs, ys };
}

function absoluteError(yTrue, yPred) {
  return tf.sqrt(tf.square(yPred.sub(yTrue))).mean();
}

async function main() {
  await tf.setBackend('wasm');
  const train = makeDays(N_TRAIN);
  const test = makeDays(N_TEST);
  const xTrain = tf.tensor2d(train.xs, [N_TRAIN, N_FEATURES]);
  const yTrain = tf.tensor2d(train.ys, [N_TRAIN, 1]);
  const xTest = tf.tensor2d(test.xs, [N_TEST, N_FEATURES]);
  const yTest = tf.tensor2d(test.ys, [N_TEST, 1]);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [N_FEATURES] }));
  model.add(tf.layers.dense({ units: 16, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 1, activation: 'relu', biasInitializer: tf.initializers.constant({ value: 1 }) }));
  model.compile({ optimizer: tf.train.adam(0.005), loss: absoluteError });

  const history = await model.fit(xTrain, yTrain, { epochs: 30, batchSize: 32, shuffle: true, verbose: 0 });

  const h = history.history.loss;
  const [testMae, dryMae, rainAcc] = tf.tidy(() => {
    const pred = model.predict(xTest);
    const rainHit = pred.greater(0.5).equal(yTest.greater(0)).mean();
    return [tf.losses.absoluteDifference(yTest, pred), tf.losses.absoluteDifference(yTest, tf.zerosLike(yTest)), rainHit].map((t) => t.dataSync()[0]);
  });
  const dryShare = train.ys.filter((y) => y[0] === 0).length / N_TRAIN;
  console.log(`dry days ${(100 * dryShare).toFixed(0)}% | loss ${h[0].toFixed(3)} -> ${h[h.length - 1].toFixed(3)} | test mae ${testMae.toFixed(3)} mm (always-dry baseline ${dryMae.toFixed(3)} mm) rain/dry acc ${rainAcc.toFixed(3)}`);
}

main();
