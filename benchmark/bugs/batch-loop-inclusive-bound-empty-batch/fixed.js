'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(7342);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Network-intrusion triage: sort connections into 4 categories (normal, scan, brute force,
// exfiltration) from 8 standardized connection statistics. The category depends on a weighted
// sum of two statistics and on whether two others move together. MLP trained with a
// hand-written mini-batch loop (reshuffle every epoch, slice consecutive batches) and early
// stopping on the epoch's mean training loss.
const CATEGORIES = ['normal', 'scan', 'brute force', 'exfiltration'];
const N_FEATURES = 8;
const N_TRAIN = 768;
const N_TEST = 400;

const MAX_EPOCHS = 35;
const BATCH_SIZE = 32;
const LEARNING_RATE = 0.001;
const PATIENCE = 5;
const MIN_DELTA = 1e-3;

function makeConnections(n) {
  const xs = [];
  const labels = [];
  for (let i = 0; i < n; i++) {
    const x = rng.array(N_FEATURES, () => rng.normal(0, 1));
    const c = 2 * (x[0] + 0.5 * x[1] > 0 ? 1 : 0) + (x[2] * x[3] > 0 ? 1 : 0);
    xs.push(x);
    labels.push(c);
  }
  return { xs, labels };
}

async function main() {
  await tf.setBackend('wasm');

  const train = makeConnections(N_TRAIN);
  const test = makeConnections(N_TEST);
  const xTrain = tf.tensor2d(train.xs, [N_TRAIN, N_FEATURES]);
  const yTrain = tf.oneHot(tf.tensor1d(train.labels, 'int32'), CATEGORIES.length).toFloat();
  const xTest = tf.tensor2d(test.xs, [N_TEST, N_FEATURES]);
  const yTest = tf.oneHot(tf.tensor1d(test.labels, 'int32'), CATEGORIES.length).toFloat();

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [N_FEATURES] }));
  model.add(tf.layers.dense({ units: 32, activation: 'relu' }));
  model.add(tf.layers.dense({ units: CATEGORIES.length }));

  const optimizer = tf.train.adam(LEARNING_RATE);
  const nBatches = Math.ceil(N_TRAIN / BATCH_SIZE);
  const epochLosses = [];
  let bestLoss = Infinity;
  let badEpochs = 0;

  for (let epoch = 0; epoch < MAX_EPOCHS; epoch++) {
    const perm = tf.tensor1d(Int32Array.from(tf.util.createShuffledIndices(N_TRAIN)), 'int32');
    const xShuf = xTrain.gather(perm);
    const yShuf = yTrain.gather(perm);
    let lossSum = 0;
    for (let b = 0; b < nBatches; b++) {
      const start = b * BATCH_SIZE;
      const size = Math.min(BATCH_SIZE, N_TRAIN - start);
      const cost = tf.tidy(() => {
        const xb = xShuf.slice([start, 0], [size, N_FEATURES]);
        const yb = yShuf.slice([start, 0], [size, CATEGORIES.length]);
        return optimizer.minimize(() => tf.losses.softmaxCrossEntropy(yb, model.apply(xb, { training: true })), true);
      });
      lossSum += cost.dataSync()[0];
      cost.dispose();
    }
    tf.dispose([perm, xShuf, yShuf]);
    const epochLoss = lossSum / nBatches;
    epochLosses.push(epochLoss);

    if (epochLoss < bestLoss - MIN_DELTA) {
      bestLoss = epochLoss;
      badEpochs = 0;
    } else if (++badEpochs >= PATIENCE) {
      break;
    }
  }

  const evaluate = (x, y) =>
    tf.tidy(() => {
      const logits = model.predict(x);
      const loss = tf.losses.softmaxCrossEntropy(y, logits).dataSync()[0];
      const acc = logits.argMax(-1).equal(y.argMax(-1)).mean().dataSync()[0];
      return [loss, acc];
    });
  const [trainLoss, trainAcc] = evaluate(xTrain, yTrain);
  const [testLoss, testAcc] = evaluate(xTest, yTest);
  const first = epochLosses[0];
  const last = epochLosses[epochLosses.length - 1];
  console.log(`epochs ${epochLosses.length} loss ${first.toFixed(3)} -> ${last.toFixed(3)} | train loss ${trainLoss.toFixed(3)} acc ${trainAcc.toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
