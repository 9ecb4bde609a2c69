'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(2958);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Music genre tagging: 16 standardized audio descriptors of a track (tempo, spectral centroid,
// rolloff, zero-crossing rate, MFCC means, ...) -> one of 4 genres. Each genre has its own typical
// descriptor profile, tracks vary around it and two descriptors interact nonlinearly.
// A two-hidden-layer MLP written with the core API (tf.variable weights, inverted dropout on the
// hidden activations while training) and trained with a mini-batch loop using optimizer.minimize.
const GENRES = ['classical', 'electronic', 'jazz', 'rock'];
const N_FEATURES = 16;
const N_TRAIN = 1000;
const N_TEST = 400;

const HIDDEN = 64;
const DROPOUT_RATE = 50;
const EPOCHS = 25;
const BATCH_SIZE = 32;
const LEARNING_RATE = 0.003;

const profiles = GENRES.map(() => rng.array(N_FEATURES, () => rng.normal(0, 1)));

function makeTracks(n) {
  const xs = [];
  const labels = [];
  for (let i = 0; i < n; i++) {
    const g = rng.int(0, GENRES.length);
    const x = profiles[g].map((m) => m + rng.normal(0, 1.1));
    x[15] += 0.6 * x[0] * x[1];
    xs.push(x);
    labels.push(g);
  }
  return { xs, labels };
}

function glorot(fanIn, fanOut) {
  return tf.randomNormal([fanIn, fanOut], 0, Math.sqrt(2 / (fanIn + fanOut)));
}

async function main() {
  await tf.setBackend('wasm');

  const train = makeTracks(N_TRAIN);
  const test = makeTracks(N_TEST);
  const xTrain = tf.tensor2d(train.xs, [N_TRAIN, N_FEATURES]);
  const yTrain = tf.oneHot(tf.tensor1d(train.labels, 'int32'), GENRES.length).toFloat();
  const xTest = tf.tensor2d(test.xs, [N_TEST, N_FEATURES]);
  const yTest = tf.oneHot(tf.tensor1d(test.labels, 'int32'), GENRES.length).toFloat();

  const w1 = tf.variable(glorot(N_FEATURES, HIDDEN));
  const b1 = tf.variable(tf.zeros([HIDDEN]));
  const w2 = tf.variable(glorot(HIDDEN, HIDDEN));
  const b2 = tf.variable(tf.zeros([HIDDEN]));
  const w3 = tf.variable(glorot(HIDDEN, GENRES.length));
  const b3 = tf.variable(tf.zeros([GENRES.length]));

  const dropout = (h) => h.mul(tf.randomUniform(h.shape).greaterEqual(DROPOUT_RATE).toFloat()).div(1 - DROPOUT_RATE);

  function forward(x, training) {
    let h = x.matMul(w1).add(b1).relu();
    if (training) h = dropout(h);
    h = h.matMul(w2).add(b2).relu();
    if (training) h = dropout(h);
    return h.matMul(w3).add(b3);
  }

  const optimizer = tf.train.adam(LEARNING_RATE);
  const numBatches = Math.ceil(N_TRAIN / BATCH_SIZE);
  const losses = [];

  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    const order = tf.util.createShuffledIndices(N_TRAIN);
    let epochLoss = 0;
    for (let b = 0; b < numBatches; b++) {
      const batchIdx = Array.from(order.slice(b * BATCH_SIZE, (b + 1) * BATCH_SIZE));
      const cost = tf.tidy(() => {
        const idx = tf.tensor1d(batchIdx, 'int32');
        const xb = xTrain.gather(idx);
        const yb = yTrain.gather(idx);
        return optimizer.minimize(() => tf.losses.softmaxCrossEntropy(yb, forward(xb, true)), true);
      });
      epochLoss += cost.dataSync()[0] / numBatches;
      cost.dispose();
    }
    losses.push(epochLoss);
  }

  const evaluate = (x, y) =>
    tf.tidy(() => {
      const logits = forward(x, false);
      const loss = tf.losses.softmaxCrossEntropy(y, logits).dataSync()[0];
      const acc = logits.argMax(-1).equal(y.argMax(-1)).mean().dataSync()[0];
      return [loss, acc];
    });
  const [trainLoss, trainAcc] = evaluate(xTrain, yTrain);
  const [testLoss, testAcc] = evaluate(xTest, yTest);
  console.log(`loss ${losses[0].toFixed(3)} -> ${losses[losses.length - 1].toFixed(3)} acc ${trainAcc.toFixed(3)} (eval loss ${trainLoss.toFixed(3)}) | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
