'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(4471);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Predictive maintenance: will a pump fail within the next week, given 8 standardized summary
// features of its vibration / temperature / pressure logs? Failure depends on interactions between
// the readings, so a small MLP is used. Adam with a linear per-batch learning-rate warm-up over the
// first WARMUP_STEPS batches (tfjs has no built-in scheduler, so it is done in a callback).
const NUM_FEATURES = 8;
const N_TRAIN = 1200;
const N_TEST = 400;
const BASE_LR = 0.003;
const WARMUP_STEPS = 50;
const EPOCHS = 30;

function makeLogs(n) {
  const xs = [];
  const ys = [];
  for (let i = 0; i < n; i++) {
    const x = rng.array(NUM_FEATURES, () => rng.normal(0, 1));
    const risk = Math.sin(1.5 * x[0]) + x[1] * x[2] - 0.5 * x[3] * x[3] + 0.5 * x[4] + 0.3;
    xs.push(x);
    ys.push([risk > 0 ? 1 : 0]);
  }
  return { xs, ys };
}

async function main() {
  await tf.setBackend('wasm');

  const train = makeLogs(N_TRAIN);
  const test = makeLogs(N_TEST);
  const xTrain = tf.tensor2d(train.xs, [N_TRAIN, NUM_FEATURES]);
  const yTrain = tf.tensor2d(train.ys, [N_TRAIN, 1]);
  const xTest = tf.tensor2d(test.xs, [N_TEST, NUM_FEATURES]);
  const yTest = tf.tensor2d(test.ys, [N_TEST, 1]);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [NUM_FEATURES] }));
  model.add(tf.layers.dense({ units: 32, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 1, activation: 'sigmoid' }));

  const optimizer = tf.train.adam(BASE_LR);
  model.compile({ optimizer, loss: 'binaryCrossentropy', metrics: ['accuracy'] });

  let step = 0;
  const warmup = {
    onBatchBegin: async () => {
      optimizer.learningRate = BASE_LR * Math.min(step / WARMUP_STEPS, 1);
      step++;
    },
  };

  const history = await model.fit(xTrain, yTrain, { epochs: EPOCHS, batchSize: 32, shuffle: true, verbose: 0, callbacks: [warmup] });

  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testAcc] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  console.log(`steps ${step} final lr ${optimizer.learningRate.toExponential(2)} | loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
