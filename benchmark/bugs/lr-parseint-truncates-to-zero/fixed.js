'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(6142);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Network-traffic classifier: 10 flow statistics (packet sizes, inter-arrival times, port
// entropy, ...) already standardized, 4 traffic types (web / video / voip / bulk transfer).
// Hyperparameters have defaults and can be overridden from the shell, e.g.
//   EPOCHS=40 BATCH_SIZE=32 LR=0.001 node train.js
const EPOCHS = parseInt(process.env.EPOCHS || '30');
const BATCH_SIZE = parseInt(process.env.BATCH_SIZE || '64');
const LR = parseFloat(process.env.LR || '0.005');
const TRAFFIC_TYPES = ['web', 'video', 'voip', 'bulk'];
const NUM_FEATURES = 10;
const N_TRAIN = 1200;
const N_TEST = 400;

const W1 = rng.array(NUM_FEATURES * 8, () => rng.normal(0, 1));
const W2 = rng.array(8 * TRAFFIC_TYPES.length, () => rng.normal(0, 1));

function makeFlows(n) {
  const xs = [];
  const labels = [];
  for (let i = 0; i < n; i++) {
    const x = rng.array(NUM_FEATURES, () => rng.normal(0, 1));
    const h = rng.array(8, (k) => Math.tanh(x.reduce((s, v, j) => s + v * W1[j * 8 + k], 0) / 2));
    const scores = TRAFFIC_TYPES.map((_, c) => h.reduce((s, v, k) => s + v * W2[k * TRAFFIC_TYPES.length + c], 0) + rng.normal(0, 0.3));
    xs.push(x);
    labels.push(scores.indexOf(Math.max(...scores)));
  }
  return { xs, labels };
}

async function main() {
  await tf.setBackend('wasm');

  const train = makeFlows(N_TRAIN);
  const test = makeFlows(N_TEST);
  const xTrain = tf.tensor2d(train.xs, [N_TRAIN, NUM_FEATURES]);
  const yTrain = tf.oneHot(tf.tensor1d(train.labels, 'int32'), TRAFFIC_TYPES.length).toFloat();
  const xTest = tf.tensor2d(test.xs, [N_TEST, NUM_FEATURES]);
  const yTest = tf.oneHot(tf.tensor1d(test.labels, 'int32'), TRAFFIC_TYPES.length).toFloat();

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [NUM_FEATURES] }));
  model.add(tf.layers.dense({ units: 32, activation: 'relu' }));
  model.add(tf.layers.dense({ units: TRAFFIC_TYPES.length, activation: 'softmax' }));
  const optimizer = tf.train.adam(LR);
  model.compile({ optimizer, loss: 'categoricalCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(xTrain, yTrain, { epochs: EPOCHS, batchSize: BATCH_SIZE, shuffle: true, verbose: 0 });
  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testAcc] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
