'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(8150);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Four-class classifier on 10 standardized features: the class is the quadrant of two
// mixed feature scores. Two hidden layers with dropout for regularization, softmax output,
// categorical cross-entropy, Adam.
const NUM_FEATURES = 10;
const NUM_CLASSES = 4;
const N_TRAIN = 1200;
const N_TEST = 400;

function makeSamples(n) {
  const xs = [];
  const ys = [];
  for (let i = 0; i < n; i++) {
    const f = rng.array(NUM_FEATURES, () => rng.normal(0, 1));
    const u = f[0] + 0.7 * f[1] - 0.5 * f[2] * f[3];
    const v = f[4] - 0.6 * f[5] + 0.5 * f[6];
    const c = (u > 0 ? 1 : 0) + (v > 0 ? 2 : 0);
    xs.push(f);
    ys.push(rng.array(NUM_CLASSES, (k) => (k === c ? 1 : 0)));
  }
  return { xs, ys };
}

async function main() {
  await tf.setBackend('wasm');

  const train = makeSamples(N_TRAIN);
  const test = makeSamples(N_TEST);
  const xTrain = tf.tensor2d(train.xs, [N_TRAIN, NUM_FEATURES]);
  const yTrain = tf.tensor2d(train.ys, [N_TRAIN, NUM_CLASSES]);
  const xTest = tf.tensor2d(test.xs, [N_TEST, NUM_FEATURES]);
  const yTest = tf.tensor2d(test.ys, [N_TEST, NUM_CLASSES]);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 64, activation: 'relu', inputShape: [NUM_FEATURES] }));
  model.add(tf.layers.dense({ units: 64, activation: 'relu' }));
  model.add(tf.layers.dropout({ rate: 0.5 }));
  model.add(tf.layers.dense({ units: NUM_CLASSES, activation: 'softmax' }));
  model.compile({ optimizer: tf.train.adam(0.003), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(xTrain, yTrain, { epochs: 30, batchSize: 32, shuffle: true, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testAcc] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
