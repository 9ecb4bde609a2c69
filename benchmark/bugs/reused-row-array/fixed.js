'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(7316);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Regression on a synthetic sensor table: predict a machine's power draw from four readings
// (load, temperature, fan speed, voltage), all already on a unit scale.
function makeReadings(n) {
  const xs = [];
  const ys = [];
  for (let i = 0; i < n; i++) {
    const row = [];
    const load = rng.uniform(0, 1);
    const temp = rng.uniform(-1, 1);
    const fan = rng.uniform(0, 1);
    const volt = rng.normal(0, 1);
    row[0] = load;
    row[1] = temp;
    row[2] = fan;
    row[3] = volt;
    xs.push(row);
    ys.push([2 * load + Math.sin(2 * temp) - fan * fan + 0.5 * volt + rng.normal(0, 0.1)]);
  }
  return { xs, ys };
}

async function main() {
  await tf.setBackend('wasm');

  const train = makeReadings(1000);
  const test = makeReadings(300);

  const xTrain = tf.tensor2d(train.xs, [1000, 4]);
  const yTrain = tf.tensor2d(train.ys, [1000, 1]);
  const xTest = tf.tensor2d(test.xs, [300, 4]);
  const yTest = tf.tensor2d(test.ys, [300, 1]);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [4] }));
  model.add(tf.layers.dense({ units: 32, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 1 }));

  model.compile({ optimizer: tf.train.adam(0.01), loss: 'meanSquaredError' });

  const history = await model.fit(xTrain, yTrain, { epochs: 30, batchSize: 32, verbose: 0 });

  const testMse = model.evaluate(xTest, yTest).dataSync()[0];
  const yMean = yTest.mean().dataSync()[0];
  const testVar = yTest.sub(yMean).square().mean().dataSync()[0];
  const losses = history.history.loss;
  console.log(`loss first ${losses[0].toFixed(4)} last ${losses[losses.length - 1].toFixed(4)} | test MSE ${testMse.toFixed(4)} (target variance ${testVar.toFixed(4)}, R2 ${(1 - testMse / testVar).toFixed(3)})`);
}

main();
