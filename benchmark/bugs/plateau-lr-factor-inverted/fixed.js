'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(6247);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Land-cover classification of satellite pixels (water / forest / crops / urban) from 8
// standardized spectral bands. Each class has a typical spectrum; pixels vary around it along
// a class-specific nonlinear direction. Small MLP trained with model.fit, with a validation split
// and a reduce-on-plateau schedule written as a callback (tfjs has no built-in one).
const CLASSES = ['water', 'forest', 'crops', 'urban'];
const N_BANDS = 8;
const N_TRAIN = 800;
const N_VAL = 300;
const N_TEST = 400;

const EPOCHS = 30;
const LEARNING_RATE = 0.003;
const PATIENCE = 3;
const FACTOR = 0.1;
const MIN_LR = 1e-5;

const spectra = CLASSES.map(() => rng.array(N_BANDS, () => rng.normal(0, 1)));
const bends = CLASSES.map(() => rng.array(N_BANDS, () => rng.normal(0, 0.6)));

function makePixels(n) {
  const xs = [];
  const labels = [];
  for (let i = 0; i < n; i++) {
    const c = rng.int(0, CLASSES.length);
    const t = rng.normal(0, 1);
    xs.push(spectra[c].map((m, j) => m + bends[c][j] * (t * t - 1) + rng.normal(0, 0.9)));
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
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [N_BANDS] }));
  model.add(tf.layers.dense({ units: 32, activation: 'relu' }));
  model.add(tf.layers.dense({ units: CLASSES.length, activation: 'softmax' }));
  const optimizer = tf.train.adam(LEARNING_RATE);
  model.compile({ optimizer, loss: 'categoricalCrossentropy', metrics: ['accuracy'] });

  let bestValLoss = Infinity;
  let wait = 0;
  const reduceLrOnPlateau = {
    onEpochEnd: async (epoch, logs) => {
      if (logs.val_loss < bestValLoss - 1e-4) {
        bestValLoss = logs.val_loss;
        wait = 0;
      } else if (++wait >= PATIENCE) {
        model.optimizer.learningRate = Math.max(model.optimizer.learningRate * FACTOR, MIN_LR);
        wait = 0;
      }
    },
  };

  const history = await model.fit(xTrain, yTrain, { epochs: EPOCHS, batchSize: 64, shuffle: true, validationData: [xVal, yVal], verbose: 0, callbacks: [reduceLrOnPlateau] });

  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testAcc] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} val loss ${h.val_loss[last].toFixed(3)} lr ${model.optimizer.learningRate.toPrecision(2)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
