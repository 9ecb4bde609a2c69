'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(9611);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Activity recognition from a wrist sensor: 12 summary features per 5-second window (mean and
// spread of acceleration on each axis, step cadence, gyro energy, ...) classified into 5 activities.
// The network outputs raw logits; softmax is applied inside the loss and at prediction time.
// Hand-written loop with shuffled mini-batches and optimizer.minimize.
const ACTIVITIES = ['sitting', 'standing', 'walking', 'running', 'cycling'];
const NUM_CLASSES = ACTIVITIES.length;
const NUM_FEATURES = 12;
const N_TRAIN = 1500;
const N_TEST = 500;
const BATCH = 32;
const EPOCHS = 20;

// Each activity has its own typical sensor signature; windows scatter around it.
const SIGNATURES = ACTIVITIES.map(() => rng.array(NUM_FEATURES, () => rng.normal(0, 1)));

function recordWindows(n) {
  const xs = [];
  const labels = [];
  for (let i = 0; i < n; i++) {
    const c = rng.int(0, NUM_CLASSES);
    const intensity = rng.uniform(0.6, 1.4);
    xs.push(SIGNATURES[c].map((s, j) => s * intensity + 0.3 * Math.sin(s + j) + rng.normal(0, 0.9)));
    labels.push(c);
  }
  return { xs, labels };
}

function crossEntropy(logits, oneHotLabels) {
  return tf.losses.softmaxCrossEntropy(oneHotLabels, logits);
}

async function main() {
  await tf.setBackend('wasm');

  const train = recordWindows(N_TRAIN);
  const test = recordWindows(N_TEST);
  const xTrain = tf.tensor2d(train.xs, [N_TRAIN, NUM_FEATURES]);
  const yTrain = tf.oneHot(tf.tensor1d(train.labels, 'int32'), NUM_CLASSES).toFloat();
  const xTest = tf.tensor2d(test.xs, [N_TEST, NUM_FEATURES]);
  const yTest = tf.oneHot(tf.tensor1d(test.labels, 'int32'), NUM_CLASSES).toFloat();

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [NUM_FEATURES] }));
  model.add(tf.layers.dense({ units: 32, activation: 'relu' }));
  model.add(tf.layers.dense({ units: NUM_CLASSES }));

  const optimizer = tf.train.adam(0.003);
  const numBatches = Math.floor(N_TRAIN / BATCH);
  const losses = [];
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    const order = tf.util.createShuffledIndices(N_TRAIN);
    let epochLoss = 0;
    for (let b = 0; b < numBatches; b++) {
      epochLoss += tf.tidy(() => {
        const idx = tf.tensor1d(Int32Array.from(order.slice(b * BATCH, (b + 1) * BATCH)), 'int32');
        const xb = xTrain.gather(idx);
        const yb = yTrain.gather(idx);
        const loss = optimizer.minimize(() => crossEntropy(model.predict(xb), yb), true);
        return loss.dataSync()[0];
      }) / numBatches;
    }
    losses.push(epochLoss);
  }

  const [trainAcc, testAcc, testLogLoss, testConfidence] = tf.tidy(() => {
    const accuracy = (x, y) => tf.metrics.categoricalAccuracy(y, model.predict(x)).mean().dataSync()[0];
    const probs = tf.softmax(model.predict(xTest));
    const logLoss = tf.metrics.categoricalCrossentropy(yTest, probs).mean().dataSync()[0];
    const confidence = probs.max(1).mean().dataSync()[0];
    return [accuracy(xTrain, yTrain), accuracy(xTest, yTest), logLoss, confidence];
  });
  console.log(`loss ${losses[0].toFixed(3)} -> ${losses[losses.length - 1].toFixed(3)} acc ${trainAcc.toFixed(3)} | test acc ${testAcc.toFixed(3)} test log-loss ${testLogLoss.toFixed(3)} (chance ${Math.log(NUM_CLASSES).toFixed(3)}), mean confidence ${testConfidence.toFixed(3)}`);
}

main();
