'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(4419);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Pump condition monitoring: classify a pump as healthy or as one of 4 fault types (bearing wear,
// cavitation, misalignment, impeller damage) from 16 standardized vibration-spectrum band
// energies. Each condition has its own spectral signature. Hand-written MLP (three tanh hidden
// layers of 64 units) with uniform random initial weights, trained in a custom mini-batch loop.
const CONDITIONS = ['healthy', 'bearing', 'cavitation', 'misalignment', 'impeller'];
const N_FEATURES = 16;
const HIDDEN = 64;
const N_TRAIN = 1000;
const N_TEST = 400;
const EPOCHS = 25;
const BATCH_SIZE = 32;
const LEARNING_RATE = 0.005;

const signatures = CONDITIONS.map(() => rng.array(N_FEATURES, () => rng.normal(0, 1)));

function makeRecordings(n) {
  const xs = [];
  const labels = [];
  for (let i = 0; i < n; i++) {
    const c = rng.int(0, CONDITIONS.length);
    const load = rng.normal(0, 0.5);
    xs.push(signatures[c].map((m) => m + load + rng.normal(0, 0.8)));
    labels.push(c);
  }
  return { xs, labels };
}

function denseLayer(fanIn, fanOut) {
  const kernel = tf.variable(tf.randomUniform([fanIn, fanOut]));
  const bias = tf.variable(tf.zeros([fanOut]));
  return { kernel, bias };
}

async function main() {
  await tf.setBackend('wasm');

  const train = makeRecordings(N_TRAIN);
  const test = makeRecordings(N_TEST);
  const xTrain = tf.tensor2d(train.xs, [N_TRAIN, N_FEATURES]);
  const yTrain = tf.oneHot(tf.tensor1d(train.labels, 'int32'), CONDITIONS.length).toFloat();
  const xTest = tf.tensor2d(test.xs, [N_TEST, N_FEATURES]);
  const yTest = tf.oneHot(tf.tensor1d(test.labels, 'int32'), CONDITIONS.length).toFloat();

  const layers = [
    denseLayer(N_FEATURES, HIDDEN),
    denseLayer(HIDDEN, HIDDEN),
    denseLayer(HIDDEN, HIDDEN),
    denseLayer(HIDDEN, CONDITIONS.length),
  ];

  const logits = (x) => {
    let h = x;
    for (let i = 0; i < layers.length - 1; i++) {
      h = tf.tanh(h.matMul(layers[i].kernel).add(layers[i].bias));
    }
    const last = layers[layers.length - 1];
    return h.matMul(last.kernel).add(last.bias);
  };

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
        return optimizer.minimize(() => tf.losses.softmaxCrossEntropy(yb, logits(xb)), true);
      });
      epochLoss += cost.dataSync()[0] / numBatches;
      cost.dispose();
    }
    losses.push(epochLoss);
  }

  const evaluate = (x, y) =>
    tf.tidy(() => {
      const out = logits(x);
      const loss = tf.losses.softmaxCrossEntropy(y, out).dataSync()[0];
      const acc = out.argMax(-1).equal(y.argMax(-1)).mean().dataSync()[0];
      return [loss, acc];
    });
  const [trainLoss, trainAcc] = evaluate(xTrain, yTrain);
  const [testLoss, testAcc] = evaluate(xTest, yTest);
  console.log(`loss ${losses[0].toFixed(3)} -> ${losses[losses.length - 1].toFixed(3)} acc ${trainAcc.toFixed(3)} (eval loss ${trainLoss.toFixed(3)}) | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
