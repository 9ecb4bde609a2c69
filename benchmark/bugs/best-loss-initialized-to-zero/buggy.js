'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(9632);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Activity recognition from 2-second wrist accelerometer windows, summarized into 8 features per
// window: sitting, walking, running, cycling or climbing stairs. A keep-best callback snapshots the
// weights whenever the validation loss improves and the best snapshot is restored after fit, so
// the model that ships is the best epoch rather than the last one.
const ACTIVITIES = ['sitting', 'walking', 'running', 'cycling', 'stairs'];
const N_TRAIN = 1500;
const N_VAL = 400;
const N_TEST = 600;
const N_FEATURES = 8;
const EPOCHS = 20;

// typical [mean |a| (g), std |a| (g), step frequency (Hz), vertical share, jerk, pitch std (deg)]
const PROFILES = [
  [1.0, 0.03, 0.1, 0.5, 0.2, 3],
  [1.1, 0.25, 1.8, 0.6, 1.5, 12],
  [1.4, 0.6, 2.7, 0.7, 3.5, 20],
  [1.05, 0.15, 1.3, 0.35, 0.9, 6],
  [1.15, 0.3, 1.5, 0.75, 1.9, 15],
];

function recordWindows(n) {
  const x = [];
  const y = [];
  for (let i = 0; i < n; i++) {
    const label = rng.int(0, ACTIVITIES.length);
    const p = PROFILES[label];
    const intensity = rng.uniform(0.75, 1.25); // people move at their own pace
    const meanMag = p[0] + rng.normal(0, 0.06);
    const stdMag = p[1] * intensity * rng.uniform(0.8, 1.2);
    const freq = Math.max(0, p[2] * intensity + rng.normal(0, 0.25));
    const vertical = p[3] + rng.normal(0, 0.08);
    const jerk = p[4] * intensity * rng.uniform(0.7, 1.3);
    const pitch = p[5] * rng.uniform(0.7, 1.3);
    const battery = rng.uniform(5, 100); // logged with every window
    const temperature = rng.normal(31, 2); // skin temperature, C
    x.push([meanMag, stdMag, freq, vertical, jerk, pitch, battery, temperature]);
    y.push(label);
  }
  return { x, y };
}

async function main() {
  await tf.setBackend('wasm');
  const n = N_TRAIN + N_VAL + N_TEST;
  const data = recordWindows(n);
  const raw = tf.tensor2d(data.x, [n, N_FEATURES]);
  const { mean, variance } = tf.moments(raw.slice([0, 0], [N_TRAIN, N_FEATURES]), 0);
  const features = raw.sub(mean).div(variance.sqrt().add(1e-6));
  const labels = tf.oneHot(tf.tensor1d(data.y, 'int32'), ACTIVITIES.length).toFloat();
  const split = (t, start, size) => t.slice([start, 0], [size, t.shape[1]]);
  const xTrain = split(features, 0, N_TRAIN);
  const yTrain = split(labels, 0, N_TRAIN);
  const xVal = split(features, N_TRAIN, N_VAL);
  const yVal = split(labels, N_TRAIN, N_VAL);
  const xTest = split(features, N_TRAIN + N_VAL, N_TEST);
  const yTest = split(labels, N_TRAIN + N_VAL, N_TEST);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [N_FEATURES] }));
  model.add(tf.layers.dense({ units: 32, activation: 'relu' }));
  model.add(tf.layers.dense({ units: ACTIVITIES.length, activation: 'softmax' }));
  model.compile({ optimizer: tf.train.adam(0.003), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });

  // keep the weights of the epoch with the lowest validation loss
  let bestValLoss = 0;
  let bestEpoch = -1;
  let bestWeights = model.getWeights().map((w) => w.clone()); // fallback until the first snapshot
  const keepBest = new tf.CustomCallback({
    onEpochEnd: async (epoch, logs) => {
      if (logs.val_loss < bestValLoss) {
        bestValLoss = logs.val_loss;
        bestEpoch = epoch;
        tf.dispose(bestWeights);
        bestWeights = model.getWeights().map((w) => w.clone());
      }
    },
  });

  const history = await model.fit(xTrain, yTrain, {
    epochs: EPOCHS,
    batchSize: 32,
    shuffle: true,
    validationData: [xVal, yVal],
    callbacks: [keepBest],
    verbose: 0,
  });
  model.setWeights(bestWeights);

  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testAcc] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} val_loss ${h.val_loss[last].toFixed(3)} | restored epoch ${bestEpoch} test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
