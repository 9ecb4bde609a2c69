'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(6120);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Land-cover classification from the reflectance of a pixel in 10 spectral bands (water, forest,
// cropland, urban, bare soil). Each cover type has a typical spectrum; pixels vary around it in
// brightness and per band. MLP trained with a hand-written mini-batch loop that stops early if
// the loss ever turns into NaN.
const COVER_TYPES = ['water', 'forest', 'cropland', 'urban', 'bare soil'];
const N_BANDS = 10;
const N_TRAIN = 1200;
const N_TEST = 400;

const EPOCHS = 15;
const BATCH_SIZE = 32;
const LEARNING_RATE = 0.003;

const spectra = COVER_TYPES.map(() => rng.array(N_BANDS, () => rng.uniform(0.05, 0.6)));

function makePixels(n) {
  const xs = [];
  const labels = [];
  for (let i = 0; i < n; i++) {
    const c = rng.int(0, COVER_TYPES.length);
    const brightness = rng.uniform(0.7, 1.3);
    xs.push(spectra[c].map((r) => (r * brightness + rng.normal(0, 0.1) - 0.3) / 0.2));
    labels.push(c);
  }
  return { xs, labels };
}

async function main() {
  await tf.setBackend('wasm');

  const train = makePixels(N_TRAIN);
  const test = makePixels(N_TEST);
  const xTrain = tf.tensor2d(train.xs, [N_TRAIN, N_BANDS]);
  const yTrain = tf.oneHot(tf.tensor1d(train.labels, 'int32'), COVER_TYPES.length).toFloat();
  const xTest = tf.tensor2d(test.xs, [N_TEST, N_BANDS]);
  const yTest = tf.oneHot(tf.tensor1d(test.labels, 'int32'), COVER_TYPES.length).toFloat();

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [N_BANDS] }));
  model.add(tf.layers.dense({ units: 32, activation: 'relu' }));
  model.add(tf.layers.dense({ units: COVER_TYPES.length, activation: 'softmax' }));

  const optimizer = tf.train.adam(LEARNING_RATE);
  const numBatches = Math.ceil(N_TRAIN / BATCH_SIZE);
  let stopTraining = false;
  let epochsRun = 0;
  let stepsRun = 0;

  for (let epoch = 0; epoch < EPOCHS && !stopTraining; epoch++) {
    const order = tf.util.createShuffledIndices(N_TRAIN);
    for (let b = 0; b < numBatches; b++) {
      const batchIdx = Array.from(order.slice(b * BATCH_SIZE, (b + 1) * BATCH_SIZE));
      const cost = tf.tidy(() => {
        const idx = tf.tensor1d(batchIdx, 'int32');
        const xb = xTrain.gather(idx);
        const yb = yTrain.gather(idx);
        return optimizer.minimize(() => tf.metrics.categoricalCrossentropy(yb, model.apply(xb, { training: true })).mean(), true);
      });
      const lossValue = cost.dataSync()[0];
      cost.dispose();
      stepsRun++;
      if (Number.isNaN(lossValue)) {
        console.warn(`loss is NaN at epoch ${epoch + 1}, batch ${b + 1}: stopping training`);
        stopTraining = true;
        break;
      }
    }
    epochsRun++;
  }

  const evaluate = (x, y) =>
    tf.tidy(() => {
      const probs = model.predict(x);
      const loss = tf.metrics.categoricalCrossentropy(y, probs).mean().dataSync()[0];
      const acc = probs.argMax(-1).equal(y.argMax(-1)).mean().dataSync()[0];
      return [loss, acc];
    });
  const [trainLoss, trainAcc] = evaluate(xTrain, yTrain);
  const [testLoss, testAcc] = evaluate(xTest, yTest);
  console.log(`epochs ${epochsRun} steps ${stepsRun} | train loss ${trainLoss.toFixed(3)} acc ${trainAcc.toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
