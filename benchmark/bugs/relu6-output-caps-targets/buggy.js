'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(5173);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Predict delivery time (minutes) from 6 order features: distance, number of items, traffic level,
// prep load, weather and hour of day (all already scaled to roughly zero mean / unit variance).
// Blocks use relu6 like the MobileNet examples.
const NUM_FEATURES = 6;

function makeOrders(n) {
  const xs = [];
  const ys = [];
  for (let i = 0; i < n; i++) {
    const f = rng.array(NUM_FEATURES, () => rng.normal(0, 1));
    let minutes = 25 + 7 * f[0] + 3 * f[1] + 4 * f[2] * (f[0] > 0 ? 1.5 : 0.5) + 2.5 * f[3] + 2 * Math.abs(f[4]) - 1.5 * f[5];
    minutes += rng.normal(0, 1.5);
    ys.push([Math.min(50, Math.max(2, minutes))]);
    xs.push(f);
  }
  return { xs, ys };
}

async function main() {
  await tf.setBackend('wasm');

  const train = makeOrders(1200);
  const test = makeOrders(300);
  const xTrain = tf.tensor2d(train.xs, [1200, NUM_FEATURES]);
  const yTrain = tf.tensor2d(train.ys, [1200, 1]);
  const xTest = tf.tensor2d(test.xs, [300, NUM_FEATURES]);
  const yTest = tf.tensor2d(test.ys, [300, 1]);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 64, activation: 'relu6', inputShape: [NUM_FEATURES] }));
  model.add(tf.layers.dense({ units: 32, activation: 'relu6' }));
  model.add(tf.layers.dense({ units: 1, activation: 'relu6' }));

  model.compile({ optimizer: tf.train.adam(0.01), loss: 'meanSquaredError', metrics: ['mae'] });

  const history = await model.fit(xTrain, yTrain, { epochs: 40, batchSize: 32, shuffle: true, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testMae] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} mae ${h.mae[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test mae ${testMae.toFixed(3)}`);
}

main();
