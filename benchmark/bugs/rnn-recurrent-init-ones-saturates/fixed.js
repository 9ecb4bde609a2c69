'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(5147);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Intraday direction: label 30-minute windows of a stock's one-minute returns (in units of the
// stock's typical one-minute move) as down, flat or up over the window. Each minute is noisy and
// the direction only shows in the sum over the window. IRNN: a ReLU simple RNN whose recurrent
// kernel starts as the identity (Le, Jaitly & Hinton 2015), softmax over the three classes.
const MINUTES = 30;
const CLASSES = ['down', 'flat', 'up'];
const N_TRAIN = 600;
const N_TEST = 300;
const THRESHOLD = 4;

function makeWindows(n) {
  const xs = [];
  const labels = [];
  for (let i = 0; i < n; i++) {
    const drift = rng.uniform(-0.4, 0.4);
    const returns = rng.array(MINUTES, () => drift + rng.normal(0, 1));
    const total = returns.reduce((a, b) => a + b, 0);
    xs.push(returns.map((r) => [r]));
    labels.push(total < -THRESHOLD ? 0 : total > THRESHOLD ? 2 : 1);
  }
  return { xs, labels };
}

async function main() {
  await tf.setBackend('wasm');

  const train = makeWindows(N_TRAIN);
  const test = makeWindows(N_TEST);
  const xTrain = tf.tensor3d(train.xs, [N_TRAIN, MINUTES, 1]);
  const yTrain = tf.oneHot(tf.tensor1d(train.labels, 'int32'), CLASSES.length).toFloat();
  const xTest = tf.tensor3d(test.xs, [N_TEST, MINUTES, 1]);
  const yTest = tf.oneHot(tf.tensor1d(test.labels, 'int32'), CLASSES.length).toFloat();

  const model = tf.sequential();
  model.add(tf.layers.simpleRNN({ units: 32, activation: 'relu', recurrentInitializer: 'identity', inputShape: [MINUTES, 1] }));
  model.add(tf.layers.dense({ units: CLASSES.length, activation: 'softmax' }));
  model.compile({ optimizer: tf.train.adam(0.001), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(xTrain, yTrain, { epochs: 20, batchSize: 32, shuffle: true, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testAcc] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
