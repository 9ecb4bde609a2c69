'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(2846);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Land-cover classification of satellite pixels (water / forest / cropland / urban / bare soil)
// from 12 standardized spectral band reflectances. Each class shows up in several spectral
// variants (season, moisture, ...), so the classes are not linearly separable. An MLP is trained
// with a validation set and the weights of the epoch with the best validation loss are kept.
const CLASSES = ['water', 'forest', 'cropland', 'urban', 'bare'];
const N_BANDS = 12;
const VARIANTS_PER_CLASS = 3;
const N_TRAIN = 1200;
const N_VAL = 300;
const N_TEST = 600;
const EPOCHS = 40;

const centers = CLASSES.map(() => rng.array(VARIANTS_PER_CLASS, () => rng.array(N_BANDS, () => rng.normal(0, 1))));

function makePixels(n) {
  const xs = [];
  const labels = [];
  for (let i = 0; i < n; i++) {
    const c = rng.int(0, CLASSES.length);
    const center = centers[c][rng.int(0, VARIANTS_PER_CLASS)];
    xs.push(center.map((v) => v + rng.normal(0, 0.7)));
    labels.push(c);
  }
  return { xs, labels };
}

async function main() {
  await tf.setBackend('wasm');

  const train = makePixels(N_TRAIN);
  const val = makePixels(N_VAL);
  const test = makePixels(N_TEST);
  const xTrain = tf.tensor2d(train.xs, [N_TRAIN, N_BANDS]);
  const yTrain = tf.oneHot(tf.tensor1d(train.labels, 'int32'), CLASSES.length).toFloat();
  const xVal = tf.tensor2d(val.xs, [N_VAL, N_BANDS]);
  const yVal = tf.oneHot(tf.tensor1d(val.labels, 'int32'), CLASSES.length).toFloat();
  const xTest = tf.tensor2d(test.xs, [N_TEST, N_BANDS]);
  const yTest = tf.oneHot(tf.tensor1d(test.labels, 'int32'), CLASSES.length).toFloat();

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 64, activation: 'relu', inputShape: [N_BANDS] }));
  model.add(tf.layers.dense({ units: 64, activation: 'relu' }));
  model.add(tf.layers.dense({ units: CLASSES.length, activation: 'softmax' }));
  model.compile({ optimizer: tf.train.adam(0.0005), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });

  let bestValLoss = 0;
  let bestEpoch = -1;
  let bestWeights = null;
  const keepBest = new tf.CustomCallback({
    onEpochEnd: async (epoch, logs) => {
      if (logs.val_loss > bestValLoss) {
        bestValLoss = logs.val_loss;
        bestEpoch = epoch;
        if (bestWeights) bestWeights.forEach((w) => w.dispose());
        bestWeights = model.getWeights().map((w) => w.clone());
      }
    },
    onTrainEnd: async () => {
      model.setWeights(bestWeights);
    },
  });

  const history = await model.fit(xTrain, yTrain, { epochs: EPOCHS, batchSize: 32, validationData: [xVal, yVal], callbacks: [keepBest], verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testAcc] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} val loss ${h.val_loss[last].toFixed(3)} val acc ${h.val_acc[last].toFixed(3)} | kept epoch ${bestEpoch + 1} (val loss ${bestValLoss.toFixed(3)}) | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
