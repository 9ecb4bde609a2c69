'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(7741);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Visual inspection on a production line: classify a part as ok / scratch / dent / crack from 12
// standardized image statistics. The inspection logs come as one file per outcome, concatenated,
// and defects are rare, so training draws each batch with a class-balancing sampler: every sample
// is drawn with probability proportional to 1 / (number of samples of its class). MLP trained
// batch by batch with model.trainOnBatch.
const CLASSES = ['ok', 'scratch', 'dent', 'crack'];
const TRAIN_COUNTS = [1050, 220, 140, 90];
const TEST_COUNTS = [350, 75, 45, 30];
const N_FEATURES = 12;

const EPOCHS = 12;
const BATCH_SIZE = 32;

const centers = CLASSES.map(() => rng.array(N_FEATURES, () => rng.normal(0, 1)));

function loadLogs(counts) {
  const xs = [];
  const labels = [];
  counts.forEach((count, c) => {
    for (let i = 0; i < count; i++) {
      xs.push(centers[c].map((m) => m + rng.normal(0, 0.9)));
      labels.push(c);
    }
  });
  return { xs, labels };
}

async function main() {
  await tf.setBackend('wasm');

  const train = loadLogs(TRAIN_COUNTS);
  const test = loadLogs(TEST_COUNTS);
  const nTrain = train.labels.length;
  const xTrain = tf.tensor2d(train.xs);
  const yTrain = tf.oneHot(tf.tensor1d(train.labels, 'int32'), CLASSES.length).toFloat();
  const xTest = tf.tensor2d(test.xs);
  const yTest = tf.oneHot(tf.tensor1d(test.labels, 'int32'), CLASSES.length).toFloat();

  // cumulative sampling weights: each sample weighs 1 / (size of its class)
  const classSize = CLASSES.map((_, c) => train.labels.filter((l) => l === c).length);
  const cum = [];
  let total = 0;
  for (let i = 0; i < nTrain; i++) {
    total += 1 / classSize[train.labels[i]];
    cum.push(total);
  }

  function drawIndex() {
    const u = rng.random() * total;
    for (let i = 0; i < nTrain; i++) if (u < cum[i]) return i;
    return nTrain - 1;
  }

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [N_FEATURES] }));
  model.add(tf.layers.dense({ units: 32, activation: 'relu' }));
  model.add(tf.layers.dense({ units: CLASSES.length, activation: 'softmax' }));
  model.compile({ optimizer: tf.train.adam(0.003), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });

  const stepsPerEpoch = Math.ceil(nTrain / BATCH_SIZE);
  const losses = [];
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    let epochLoss = 0;
    for (let s = 0; s < stepsPerEpoch; s++) {
      const batchIdx = Array.from({ length: BATCH_SIZE }, drawIndex);
      const idx = tf.tensor1d(batchIdx, 'int32');
      const xb = xTrain.gather(idx);
      const yb = yTrain.gather(idx);
      const [loss] = await model.trainOnBatch(xb, yb);
      epochLoss += loss / stepsPerEpoch;
      tf.dispose([idx, xb, yb]);
    }
    losses.push(epochLoss);
  }

  // accuracy and balanced accuracy (mean per-class recall)
  const evaluate = (x, y, labels) =>
    tf.tidy(() => {
      const probs = model.predict(x);
      const loss = tf.metrics.categoricalCrossentropy(y, probs).mean().dataSync()[0];
      const pred = probs.argMax(-1).dataSync();
      const hits = CLASSES.map(() => 0);
      const counts = CLASSES.map(() => 0);
      labels.forEach((c, i) => {
        counts[c]++;
        if (pred[i] === c) hits[c]++;
      });
      const acc = hits.reduce((a, b) => a + b, 0) / labels.length;
      const balAcc = hits.reduce((sum, h, c) => sum + h / counts[c], 0) / CLASSES.length;
      return [loss, acc, balAcc];
    });
  const [trainLoss, trainAcc, trainBal] = evaluate(xTrain, yTrain, train.labels);
  const [testLoss, testAcc, testBal] = evaluate(xTest, yTest, test.labels);
  console.log(`loss ${losses[0].toFixed(3)} -> ${losses[losses.length - 1].toFixed(3)} acc ${trainAcc.toFixed(3)} balanced ${trainBal.toFixed(3)} (eval loss ${trainLoss.toFixed(3)}) | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)} balanced ${testBal.toFixed(3)}`);
}

main();
