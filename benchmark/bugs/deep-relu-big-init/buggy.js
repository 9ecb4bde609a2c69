'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(2594);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Deep MLP regression: fit a smooth nonlinear function of six standardized inputs
// with a stack of ReLU layers.
function makeData(n) {
  const xs = [];
  const ys = [];
  for (let i = 0; i < n; i++) {
    const x = rng.array(6, () => rng.normal(0, 1));
    const y = Math.sin(x[0]) + 0.5 * x[1] * x[2] - 0.3 * x[3] * x[3] + Math.tanh(x[4] - x[5]) + rng.normal(0, 0.05);
    xs.push(x);
    ys.push([y]);
  }
  return { xs, ys };
}

async function main() {
  await tf.setBackend('wasm');

  const train = makeData(1000);
  const test = makeData(300);

  const xTrain = tf.tensor2d(train.xs, [1000, 6]);
  const yTrain = tf.tensor2d(train.ys, [1000, 1]);
  const xTest = tf.tensor2d(test.xs, [300, 6]);
  const yTest = tf.tensor2d(test.ys, [300, 1]);

  const init = tf.initializers.randomNormal({ mean: 0, stddev: 1 });

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 64, activation: 'relu', kernelInitializer: init, inputShape: [6] }));
  model.add(tf.layers.dense({ units: 64, activation: 'relu', kernelInitializer: init }));
  model.add(tf.layers.dense({ units: 64, activation: 'relu', kernelInitializer: init }));
  model.add(tf.layers.dense({ units: 64, activation: 'relu', kernelInitializer: init }));
  model.add(tf.layers.dense({ units: 64, activation: 'relu', kernelInitializer: init }));
  model.add(tf.layers.dense({ units: 64, activation: 'relu', kernelInitializer: init }));
  model.add(tf.layers.dense({ units: 64, activation: 'relu', kernelInitializer: init }));
  model.add(tf.layers.dense({ units: 1, kernelInitializer: init }));

  model.compile({ optimizer: tf.train.adam(0.001), loss: 'meanSquaredError' });

  const history = await model.fit(xTrain, yTrain, { epochs: 20, batchSize: 32, verbose: 0 });

  const testMse = model.evaluate(xTest, yTest).dataSync()[0];
  const yMean = yTest.mean().dataSync()[0];
  const testVar = yTest.sub(yMean).square().mean().dataSync()[0];
  const losses = history.history.loss;
  console.log(`loss first ${losses[0].toExponential(3)} last ${losses[losses.length - 1].toExponential(3)} | test MSE ${testMse.toExponential(3)} (target variance ${testVar.toFixed(4)})`);
}

main();
