'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(4471);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// House price regression: predict the sale price (in thousands) from floor area, number of rooms,
// age of the building and distance to the city centre. Features are standardized with the training
// statistics; the MLP is trained with a log-cosh loss, which is robust to the occasional outlier
// sale (estate sales, renovations) in the data.
const N_TRAIN = 1000;
const N_TEST = 300;
const F = 4;

function makeSales(n) {
  const x = [];
  const y = [];
  for (let i = 0; i < n; i++) {
    const area = rng.uniform(45, 220);
    const rooms = Math.max(1, Math.round(area / 35 + rng.normal(0, 0.7)));
    const age = rng.uniform(0, 90);
    const distance = rng.uniform(0.5, 30);
    let price = 80 + 2.2 * area + 12 * rooms - 0.6 * age - 3.5 * distance + rng.normal(0, 12);
    if (rng.random() < 0.03) price *= rng.uniform(0.5, 1.6);
    x.push([area, rooms, age, distance]);
    y.push([price]);
  }
  return { x, y };
}

function logCosh(yTrue, yPred) {
  const err = yPred.sub(yTrue);
  return err.abs().add(tf.softplus(err.mul(-2))).sub(Math.log(2)).mean();
}

async function main() {
  await tf.setBackend('wasm');
  const train = makeSales(N_TRAIN);
  const test = makeSales(N_TEST);
  const xTrainRaw = tf.tensor2d(train.x, [N_TRAIN, F]);
  const yTrain = tf.tensor2d(train.y, [N_TRAIN, 1]);
  const xTestRaw = tf.tensor2d(test.x, [N_TEST, F]);
  const yTest = tf.tensor2d(test.y, [N_TEST, 1]);

  const { mean, variance } = tf.moments(xTrainRaw, 0);
  const std = variance.sqrt();
  const xTrain = xTrainRaw.sub(mean).div(std);
  const xTest = xTestRaw.sub(mean).div(std);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [F] }));
  model.add(tf.layers.dense({ units: 16, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 1 }));
  model.compile({ optimizer: tf.train.adam(0.03), loss: logCosh, metrics: ['mae'] });

  const history = await model.fit(xTrain, yTrain, { epochs: 40, batchSize: 32, shuffle: true, verbose: 0 });
  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testMae] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} mae ${h.mae[last].toFixed(2)} | test loss ${testLoss.toFixed(3)} test mae ${testMae.toFixed(2)} (price range ${Math.min(...test.y.flat()).toFixed(0)}..${Math.max(...test.y.flat()).toFixed(0)})`);
}

main();
