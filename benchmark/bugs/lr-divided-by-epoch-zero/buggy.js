'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(9164);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// House price regression on 8 standardized features (size, rooms, age, distance, ...). The price
// (in units of $100k) depends on a few features non-linearly, plus noise. Adam with a
// 1/t learning-rate decay applied at the start of every epoch.
const NUM_FEATURES = 8;
const BASE_LR = 0.01;

function makeHouses(n) {
  const xs = [];
  const ys = [];
  for (let i = 0; i < n; i++) {
    const f = rng.array(NUM_FEATURES, () => rng.normal(0, 1));
    const price = 1.5 * f[0] + 0.6 * f[1] - 0.8 * Math.tanh(f[2]) - 0.5 * f[3] * f[3] + 0.4 * f[0] * f[4] + 0.3 * f[5];
    xs.push(f);
    ys.push([price + rng.normal(0, 0.2)]);
  }
  return { x: tf.tensor2d(xs, [n, NUM_FEATURES]), y: tf.tensor2d(ys, [n, 1]) };
}

async function main() {
  await tf.setBackend('wasm');
  const train = makeHouses(1200);
  const test = makeHouses(400);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [NUM_FEATURES] }));
  model.add(tf.layers.dense({ units: 16, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 1 }));
  model.compile({ optimizer: tf.train.adam(BASE_LR), loss: 'meanSquaredError', metrics: ['mae'] });

  const lrSchedule = {
    onEpochBegin: async (epoch) => {
      model.optimizer.learningRate = BASE_LR / epoch;
    },
  };

  const history = await model.fit(train.x, train.y, {
    epochs: 25,
    batchSize: 32,
    shuffle: true,
    verbose: 0,
    callbacks: [lrSchedule],
  });

  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testMae] = model.evaluate(test.x, test.y).map((t) => t.dataSync()[0]);
  const variance = tf.moments(test.y).variance.dataSync()[0];
  console.log(`loss ${h.loss[0].toFixed(4)} -> ${h.loss[last].toFixed(4)} mae ${h.mae[last].toFixed(4)} | test loss ${testLoss.toFixed(4)} test mae ${testMae.toFixed(4)} (target variance ${variance.toFixed(3)})`);
}

main();
