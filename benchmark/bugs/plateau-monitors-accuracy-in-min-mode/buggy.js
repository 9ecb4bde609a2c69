'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(9646);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Bearing condition from vibration statistics of a pump motor: healthy, inner-race fault,
// outer-race fault or imbalance. Each record holds eight summary features of a one-second
// accelerometer window. Features are standardized with the training statistics; the MLP is
// trained with plain SGD and a small reduce-on-plateau callback on the validation accuracy.
const CLASSES = ['healthy', 'inner-race', 'outer-race', 'imbalance'];
const NUM_FEATURES = 8;
const N_TRAIN = 1200;
const N_VAL = 1000;
const N_TEST = 500;
const EPOCHS = 50;

// reduce-on-plateau config
const BASE_LR = 0.1;
const FACTOR = 0.5;
const PATIENCE = 2;
const MIN_DELTA = 1e-4;
const MIN_LR = 1e-6;

function recordWindows(n) {
  const xs = [];
  const ys = [];
  for (let i = 0; i < n; i++) {
    const load = rng.uniform(0.3, 1.0); // fraction of rated load
    const speed = rng.uniform(1450, 1500); // rpm
    const a = rng.normal(0, 1);
    const b = rng.normal(0, 1);
    const c = rng.normal(0, 1);
    const d = rng.normal(0, 1);
    // each fault type shows as a twisted sector of the (a, b) signature plane
    const theta = Math.atan2(b, a) + 1.2 * Math.sqrt(a * a + b * b) + 0.3 * c + rng.normal(0, 0.05);
    const label = Math.floor((((theta % (2 * Math.PI)) + 2 * Math.PI) % (2 * Math.PI)) / (Math.PI / 2));
    const rms = 0.8 + 0.9 * load + 0.3 * a + rng.normal(0, 0.01); // mm/s
    const kurtosis = 3 + 1.2 * b + rng.normal(0, 0.03);
    const crest = 3.5 + 0.8 * c + rng.normal(0, 0.08);
    const peakHz = speed / 60 * (2 + 0.5 * d) + rng.normal(0, 0.5);
    const bpfo = 0.2 + 0.05 * (a + c) + rng.normal(0, 0.01); // g
    const bpfi = 0.25 + 0.06 * (b - d) + rng.normal(0, 0.01); // g
    xs.push([rms, kurtosis, crest, peakHz, bpfo, bpfi, load * 100, speed]);
    ys.push(label);
  }
  return { xs, ys };
}

async function main() {
  await tf.setBackend('wasm');

  const train = recordWindows(N_TRAIN);
  const val = recordWindows(N_VAL);
  const test = recordWindows(N_TEST);
  const toX = (d) => tf.tensor2d(d.xs, [d.xs.length, NUM_FEATURES]);
  const toY = (d) => tf.oneHot(tf.tensor1d(d.ys, 'int32'), CLASSES.length).toFloat();

  // standardize with the training statistics
  const xTrainRaw = toX(train);
  const { mean, variance } = tf.moments(xTrainRaw, 0);
  const std = variance.sqrt().add(1e-6);
  const xTrain = xTrainRaw.sub(mean).div(std);
  const xVal = toX(val).sub(mean).div(std);
  const xTest = toX(test).sub(mean).div(std);
  const yTrain = toY(train);
  const yVal = toY(val);
  const yTest = toY(test);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 64, activation: 'relu', inputShape: [NUM_FEATURES] }));
  model.add(tf.layers.dense({ units: 32, activation: 'relu' }));
  model.add(tf.layers.dense({ units: CLASSES.length, activation: 'softmax' }));

  const optimizer = tf.train.sgd(BASE_LR);
  model.compile({ optimizer, loss: 'categoricalCrossentropy', metrics: ['accuracy'] });

  // halve the learning rate when the validation accuracy has not improved for PATIENCE epochs
  let best;
  let wait = 0;
  const reduceOnPlateau = {
    onEpochEnd: async (epoch, logs) => {
      const current = logs.val_acc;
      if (best === undefined || current < best - MIN_DELTA) {
        best = current;
        wait = 0;
      } else if (++wait >= PATIENCE) {
        optimizer.setLearningRate(Math.max(optimizer.learningRate * FACTOR, MIN_LR));
        wait = 0;
      }
    },
  };

  const history = await model.fit(xTrain, yTrain, {
    epochs: EPOCHS,
    batchSize: 32,
    shuffle: true,
    validationData: [xVal, yVal],
    verbose: 0,
    callbacks: [reduceOnPlateau],
  });

  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testAcc] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} val acc ${h.val_acc[last].toFixed(3)} lr ${optimizer.learningRate.toExponential(1)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
