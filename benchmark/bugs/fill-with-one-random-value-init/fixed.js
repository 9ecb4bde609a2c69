'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(7702);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Wind turbine operating regime (normal / curtailed / fault) from 6 standardized sensor readings
// (vibration axes, rotor speed, pitch angle, power deviation, nacelle temperature). One-hidden-layer
// network with weights created by hand as tf.variables, trained with a mini-batch loop and Adam.
const REGIMES = ['normal', 'curtailed', 'fault'];
const N_FEATURES = 6;
const N_TRAIN = 1200;
const N_TEST = 500;
const HIDDEN = 32;
const BATCH = 32;
const EPOCHS = 20;

function makeReadings(n) {
  const xs = [];
  const labels = [];
  for (let i = 0; i < n; i++) {
    const f = rng.array(N_FEATURES, () => rng.normal(0, 1));
    let regime = 0;
    if (Math.abs(f[0] * f[1]) > 0.5) regime = 2;
    else if (f[2] + 0.5 * f[3] > 0.3) regime = 1;
    xs.push(f);
    labels.push(regime);
  }
  return { xs, labels };
}

function weightMatrix(nIn, nOut) {
  return tf.variable(tf.tensor2d(Array.from({ length: nIn * nOut }, () => rng.random() * 0.2 - 0.1), [nIn, nOut]));
}

async function main() {
  await tf.setBackend('wasm');

  const train = makeReadings(N_TRAIN);
  const test = makeReadings(N_TEST);
  const xTrain = tf.tensor2d(train.xs, [N_TRAIN, N_FEATURES]);
  const yTrain = tf.oneHot(tf.tensor1d(train.labels, 'int32'), REGIMES.length).toFloat();
  const xTest = tf.tensor2d(test.xs, [N_TEST, N_FEATURES]);
  const yTest = tf.oneHot(tf.tensor1d(test.labels, 'int32'), REGIMES.length).toFloat();

  const w1 = weightMatrix(N_FEATURES, HIDDEN);
  const b1 = tf.variable(tf.zeros([HIDDEN]));
  const w2 = weightMatrix(HIDDEN, REGIMES.length);
  const b2 = tf.variable(tf.zeros([REGIMES.length]));
  const params = [w1, b1, w2, b2];

  const logits = (x) => x.matMul(w1).add(b1).tanh().matMul(w2).add(b2);
  const crossEntropy = (x, y) => tf.losses.softmaxCrossEntropy(y, logits(x));
  const accuracy = (x, y) => logits(x).argMax(-1).equal(y.argMax(-1)).toFloat().mean();

  const optimizer = tf.train.adam(0.01);
  const losses = [];
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    const order = tf.util.createShuffledIndices(N_TRAIN);
    let epochLoss = 0;
    let batches = 0;
    for (let start = 0; start < N_TRAIN; start += BATCH) {
      const idx = Array.from(order.slice(start, start + BATCH));
      const cost = tf.tidy(() => {
        const ids = tf.tensor1d(idx, 'int32');
        const xb = xTrain.gather(ids);
        const yb = yTrain.gather(ids);
        return optimizer.minimize(() => crossEntropy(xb, yb), true, params);
      });
      epochLoss += cost.dataSync()[0];
      batches++;
      cost.dispose();
    }
    losses.push(epochLoss / batches);
  }

  const [trainLoss, trainAcc] = tf.tidy(() => [crossEntropy(xTrain, yTrain).dataSync()[0], accuracy(xTrain, yTrain).dataSync()[0]]);
  const [testLoss, testAcc] = tf.tidy(() => [crossEntropy(xTest, yTest).dataSync()[0], accuracy(xTest, yTest).dataSync()[0]]);
  const counts = REGIMES.map((_, c) => train.labels.filter((l) => l === c).length);
  console.log(`classes ${counts.join('/')} | loss ${losses[0].toFixed(3)} -> ${losses[losses.length - 1].toFixed(3)} acc ${trainAcc.toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
