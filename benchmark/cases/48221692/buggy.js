'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(48221692);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

async function main() {
  await tf.setBackend('wasm');
  // x = -10.0, -9.9, ..., 10.0 and y = x^2 + 3 (targets 3..103), random 75/25 split.
  const xs = rng.array(201, (i) => -10 + i * 0.1);
  const order = rng.array(201, (i) => i);
  for (let i = order.length - 1; i > 0; i--) {
    const j = rng.int(0, i + 1);
    [order[i], order[j]] = [order[j], order[i]];
  }
  const trainIdx = order.slice(0, 150);
  const testIdx = order.slice(150);
  const xTrain = tf.tensor2d(trainIdx.map((i) => xs[i]), [trainIdx.length, 1]);
  const yTrain = tf.tensor2d(trainIdx.map((i) => xs[i] * xs[i] + 3), [trainIdx.length, 1]);
  const xTest = tf.tensor2d(testIdx.map((i) => xs[i]), [testIdx.length, 1]);
  const yTest = tf.tensor2d(testIdx.map((i) => xs[i] * xs[i] + 3), [testIdx.length, 1]);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 5, inputShape: [1] }));
  model.add(tf.layers.activation({ activation: 'sigmoid' }));
  model.add(tf.layers.dense({ units: 1 }));
  model.add(tf.layers.activation({ activation: 'sigmoid' }));
  model.compile({ optimizer: 'sgd', loss: 'meanSquaredError', metrics: ['accuracy'] });

  const history = await model.fit(xTrain, yTrain, { epochs: 1000, batchSize: 150, verbose: 0 });
  const loss = history.history.loss;
  const [testLoss] = model.evaluate(xTest, yTest, { batchSize: 150 });
  const pred = model.predict(xTest);
  const predMax = pred.max().dataSync()[0];
  console.log(`loss first ${loss[0].toFixed(2)} last ${loss[loss.length - 1].toFixed(2)}; test loss ${testLoss.dataSync()[0].toFixed(2)}; max test prediction ${predMax.toFixed(3)}`);
}

main();
