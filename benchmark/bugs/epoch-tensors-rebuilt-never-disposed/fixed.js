'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(9660);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Bearing condition monitoring: classify a pump bearing as healthy, inner-race fault or
// outer-race fault from 24 vibration band levels (dB) measured by the plant's sensors.
// Faults are rare in the historian, so every epoch is trained on a fresh class-balanced
// resample of the training set, with each copy jittered a little (sensor gain and noise),
// standardized with the training statistics and passed to model.fit for one epoch.
const N_BANDS = 24;
const N_CLASSES = 3;
const CLASS_SHARE = [0.75, 0.15, 0.1];
const N_TRAIN = 1500;
const N_TEST = 600;
const PER_CLASS = 500;
const GAIN_JITTER = 0.02;
const NOISE_DB = 0.5;
const EPOCHS = 30;
const BATCH_SIZE = 64;

const baseline = rng.array(N_BANDS, (j) => 30 - 0.4 * j + rng.normal(0, 1));
const bump = (center, width) => rng.array(N_BANDS, (j) => Math.exp(-(((j - center) / width) ** 2)));
const innerSignature = bump(7, 1.5);
const outerSignature = bump(15, 2.5);

function readHistorian(n) {
  const features = [];
  const labels = [];
  for (let k = 0; k < n; k++) {
    const u = rng.random();
    const label = u < CLASS_SHARE[0] ? 0 : u < CLASS_SHARE[0] + CLASS_SHARE[1] ? 1 : 2;
    const load = rng.uniform(-3, 3);
    const severity = rng.uniform(3, 8);
    features.push(rng.array(N_BANDS, (j) => {
      const fault = label === 1 ? severity * innerSignature[j] : label === 2 ? severity * outerSignature[j] : 0;
      return baseline[j] + load * (j / N_BANDS) + fault + rng.normal(0, 1);
    }));
    labels.push(label);
  }
  return { features, labels };
}

// A fresh class-balanced, jittered copy of the training set for one epoch.
function epochTensors(data, stats) {
  const byClass = rng.array(N_CLASSES, () => []);
  data.labels.forEach((c, i) => byClass[c].push(i));
  const rows = [];
  const labels = [];
  for (let c = 0; c < N_CLASSES; c++) {
    for (let k = 0; k < PER_CLASS; k++) {
      const src = data.features[byClass[c][rng.int(0, byClass[c].length)]];
      const gain = rng.normal(1, GAIN_JITTER);
      rows.push(src.map((v) => v * gain + rng.normal(0, NOISE_DB)));
      labels.push(c);
    }
  }
  const raw = tf.tensor2d(rows, [rows.length, N_BANDS]);
  const xs = raw.sub(stats.mean).div(stats.std);
  const ys = tf.oneHot(tf.tensor1d(labels, 'int32'), N_CLASSES).toFloat();
  return { xs, ys };
}

async function main() {
  await tf.setBackend('wasm');

  const train = readHistorian(N_TRAIN);
  const test = readHistorian(N_TEST);
  const trainRaw = tf.tensor2d(train.features, [N_TRAIN, N_BANDS]);
  const moments = tf.moments(trainRaw, 0);
  const stats = { mean: moments.mean, std: moments.variance.sqrt().add(1e-6) };
  const xTest = tf.tidy(() => tf.tensor2d(test.features, [N_TEST, N_BANDS]).sub(stats.mean).div(stats.std));
  const yTest = tf.tidy(() => tf.oneHot(tf.tensor1d(test.labels, 'int32'), N_CLASSES).toFloat());

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [N_BANDS] }));
  model.add(tf.layers.dense({ units: 16, activation: 'relu' }));
  model.add(tf.layers.dense({ units: N_CLASSES, activation: 'softmax' }));
  model.compile({ optimizer: tf.train.adam(0.003), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });

  const losses = [];
  const accs = [];
  const memLog = [];
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    const { xs, ys } = tf.tidy(() => epochTensors(train, stats));
    const h = await model.fit(xs, ys, { epochs: 1, batchSize: BATCH_SIZE, shuffle: true, verbose: 0 });
    tf.dispose([xs, ys]);
    losses.push(h.history.loss[0]);
    accs.push(h.history.acc[0]);
    memLog.push(tf.memory());
  }

  const [testLoss, testAcc] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  const first = memLog[0];
  const last = memLog[EPOCHS - 1];
  const mb = (b) => (b / 1e6).toFixed(2);
  console.log(`loss ${losses[0].toFixed(3)} -> ${losses[EPOCHS - 1].toFixed(3)} acc ${accs[EPOCHS - 1].toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)} | tensors ${first.numTensors} -> ${last.numTensors}, ${mb(first.numBytes)} MB -> ${mb(last.numBytes)} MB`);
}

main();
