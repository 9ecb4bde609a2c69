'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(9158);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Four-class classifier on 10 standardized features. The class is picked by the signs of two
// smooth scores of the features. Deep tanh MLP, softmax output, Adam.
const NUM_FEATURES = 10;
const NUM_CLASSES = 4;
const HIDDEN_LAYERS = 6;

function makeData(n) {
  const xs = [];
  const ys = [];
  for (let i = 0; i < n; i++) {
    const r = rng.array(NUM_FEATURES, () => rng.normal(0, 1));
    const a = r[0] + 0.8 * r[1] - 0.5 * r[2] * r[3];
    const b = r[4] - r[5] + 0.6 * Math.sin(2 * r[6]);
    const c = (a > 0 ? 2 : 0) + (b > 0 ? 1 : 0);
    xs.push(r);
    ys.push([0, 1, 2, 3].map((k) => (k === c ? 1 : 0)));
  }
  return { xs, ys };
}

async function main() {
  await tf.setBackend('wasm');

  const train = makeData(1000);
  const test = makeData(400);
  const xTrain = tf.tensor2d(train.xs, [1000, NUM_FEATURES]);
  const yTrain = tf.tensor2d(train.ys, [1000, NUM_CLASSES]);
  const xTest = tf.tensor2d(test.xs, [400, NUM_FEATURES]);
  const yTest = tf.tensor2d(test.ys, [400, NUM_CLASSES]);

  const model = tf.sequential();
  for (let i = 0; i < HIDDEN_LAYERS; i++) {
    model.add(tf.layers.dense({
      units: 32,
      activation: 'tanh',
      kernelInitializer: tf.initializers.randomNormal({ mean: 0, stddev: 5 }),
      ...(i === 0 ? { inputShape: [NUM_FEATURES] } : {}),
    }));
  }
  model.add(tf.layers.dense({ units: NUM_CLASSES, activation: 'softmax' }));
  model.compile({ optimizer: tf.train.adam(0.003), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(xTrain, yTrain, { epochs: 20, batchSize: 32, shuffle: true, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testAcc] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
