'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(4419);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Land-cover classification of satellite pixels (water, forest, cropland, urban, bare soil) from
// 10 standardized spectral-band reflectances. MLP trained with model.fit and momentum SGD; the
// learning rate is warmed up per batch in a callback, since tfjs has no built-in schedulers.
const CLASSES = ['water', 'forest', 'cropland', 'urban', 'bare'];
const N_BANDS = 10;
const N_TRAIN = 1500;
const N_TEST = 500;
const EPOCHS = 20;
const BATCH_SIZE = 32;
const MAX_LR = 0.05;
const WARMUP_FACTOR = 1.05;

const signatures = CLASSES.map(() => rng.array(N_BANDS, () => rng.normal(0, 1)));

function makePixels(n) {
  const xs = [];
  const labels = [];
  for (let i = 0; i < n; i++) {
    const c = rng.int(0, CLASSES.length);
    const brightness = rng.normal(0, 0.5);
    xs.push(signatures[c].map((s, j) => s * (1 + 0.3 * Math.sin(j + brightness)) + brightness + rng.normal(0, 0.6)));
    labels.push(c);
  }
  return { xs, labels };
}

async function main() {
  await tf.setBackend('wasm');

  const train = makePixels(N_TRAIN);
  const test = makePixels(N_TEST);
  const xTrain = tf.tensor2d(train.xs, [N_TRAIN, N_BANDS]);
  const yTrain = tf.oneHot(tf.tensor1d(train.labels, 'int32'), CLASSES.length).toFloat();
  const xTest = tf.tensor2d(test.xs, [N_TEST, N_BANDS]);
  const yTest = tf.oneHot(tf.tensor1d(test.labels, 'int32'), CLASSES.length).toFloat();

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 64, activation: 'relu', inputShape: [N_BANDS] }));
  model.add(tf.layers.dense({ units: 32, activation: 'relu' }));
  model.add(tf.layers.dense({ units: CLASSES.length, activation: 'softmax' }));
  const optimizer = tf.train.momentum(MAX_LR, 0.9);
  model.compile({ optimizer, loss: 'categoricalCrossentropy', metrics: ['accuracy'] });

  let lr = MAX_LR / 100;
  const warmup = {
    onBatchBegin: async () => {
      lr = Math.min(lr * WARMUP_FACTOR, MAX_LR);
      optimizer.setLearningRate(lr);
    },
  };

  const history = await model.fit(xTrain, yTrain, { epochs: EPOCHS, batchSize: BATCH_SIZE, shuffle: true, verbose: 0, callbacks: [warmup] });

  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testAcc] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  console.log(`final lr ${lr.toExponential(2)} | loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
