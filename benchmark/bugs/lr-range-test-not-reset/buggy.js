'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(6402);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Traffic classification: assign a network flow to one of 4 application types (video, voip,
// web, bulk transfer) from 10 standardized flow statistics. Small MLP trained with SGD. The
// learning rate is chosen with a learning-rate range test (Leslie Smith / fastai style): one
// epoch in which the rate grows exponentially from 1e-6 to 10 while the loss is recorded; the
// rate at the lowest smoothed loss, divided by 10, is then used for the real training run,
// which starts again from the initial weights.
const APPS = ['video', 'voip', 'web', 'bulk'];
const N_FEATURES = 10;
const N_TRAIN = 1600;
const N_TEST = 400;

const LR_MIN = 1e-6;
const LR_MAX = 10;
const RANGE_BATCH = 16;
const RANGE_STEPS = Math.ceil(N_TRAIN / RANGE_BATCH);
const LR_FACTOR = Math.pow(LR_MAX / LR_MIN, 1 / RANGE_STEPS);
const EPOCHS = 30;
const BATCH_SIZE = 32;

const centres = APPS.map(() => rng.array(N_FEATURES, () => rng.normal(0, 1)));

function makeFlows(n) {
  const xs = [];
  const labels = [];
  for (let i = 0; i < n; i++) {
    const c = rng.int(0, APPS.length);
    const x = centres[c].map((m) => m + rng.normal(0, 0.8));
    x[0] += 0.5 * x[1] * x[2];
    xs.push(x);
    labels.push(c);
  }
  return { xs, labels };
}

// Lowest exponentially smoothed loss of the range test; the rate one decade below it.
function pickLearningRate(log) {
  let avg = 0;
  let best = Infinity;
  let bestLr = LR_MIN;
  log.forEach(({ lr, loss }, i) => {
    if (!Number.isFinite(loss)) return;
    avg = 0.9 * avg + 0.1 * loss;
    const smoothed = avg / (1 - Math.pow(0.9, i + 1));
    if (smoothed < best) {
      best = smoothed;
      bestLr = lr;
    }
  });
  return bestLr / 10;
}

async function main() {
  await tf.setBackend('wasm');

  const train = makeFlows(N_TRAIN);
  const test = makeFlows(N_TEST);
  const xTrain = tf.tensor2d(train.xs, [N_TRAIN, N_FEATURES]);
  const yTrain = tf.oneHot(tf.tensor1d(train.labels, 'int32'), APPS.length).toFloat();
  const xTest = tf.tensor2d(test.xs, [N_TEST, N_FEATURES]);
  const yTest = tf.oneHot(tf.tensor1d(test.labels, 'int32'), APPS.length).toFloat();

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [N_FEATURES] }));
  model.add(tf.layers.dense({ units: 32, activation: 'relu' }));
  model.add(tf.layers.dense({ units: APPS.length, activation: 'softmax' }));
  const optimizer = tf.train.sgd(LR_MIN);
  model.compile({ optimizer, loss: 'categoricalCrossentropy', metrics: ['accuracy'] });

  const initialWeights = model.getWeights().map((w) => w.clone());
  const rangeLog = [];
  const rangeTest = {
    onBatchEnd: async (batch, logs) => {
      rangeLog.push({ lr: optimizer.learningRate, loss: logs.loss });
      optimizer.setLearningRate(optimizer.learningRate * LR_FACTOR);
    },
  };
  await model.fit(xTrain, yTrain, { epochs: 1, batchSize: RANGE_BATCH, shuffle: true, verbose: 0, callbacks: rangeTest });
  const bestLr = pickLearningRate(rangeLog);

  model.setWeights(initialWeights);
  const history = await model.fit(xTrain, yTrain, { epochs: EPOCHS, batchSize: BATCH_SIZE, shuffle: true, verbose: 0 });
  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testAcc] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  console.log(`picked lr ${bestLr.toExponential(2)} | loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
