'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(5171);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Five-state classifier for raw sensor readings trained with a hand-written loop: the network
// outputs raw logits and the cross-entropy is computed by hand with a numerically stable
// log-softmax (logits - logsumexp). Each state has typical readings around 10 units per sensor.
const NUM_CLASSES = 5;
const NUM_FEATURES = 10;
const BATCH = 64;

const centres = rng.array(NUM_CLASSES, () => rng.array(NUM_FEATURES, () => rng.normal(10, 1)));

function makeReadings(n) {
  const xs = [];
  const ys = [];
  for (let i = 0; i < n; i++) {
    const c = rng.int(0, NUM_CLASSES);
    xs.push(centres[c].map((m) => m + rng.normal(0, 1)));
    ys.push(c);
  }
  return { xs, ys };
}

function crossEntropy(logits, labels) {
  const logProbs = logits.sub(tf.logSumExp(logits, -1, true));
  return tf.neg(tf.sum(labels.mul(logProbs), -1)).mean();
}

async function main() {
  await tf.setBackend('wasm');

  const train = makeReadings(1024);
  const test = makeReadings(512);
  const xTrain = tf.tensor2d(train.xs, [1024, NUM_FEATURES]);
  const yTrain = tf.oneHot(tf.tensor1d(train.ys, 'int32'), NUM_CLASSES).toFloat();
  const xTest = tf.tensor2d(test.xs, [512, NUM_FEATURES]);
  const yTest = tf.oneHot(tf.tensor1d(test.ys, 'int32'), NUM_CLASSES).toFloat();

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [NUM_FEATURES] }));
  model.add(tf.layers.dense({ units: NUM_CLASSES }));

  const optimizer = tf.train.adam(0.01);
  const numBatches = 1024 / BATCH;
  const losses = [];
  for (let epoch = 0; epoch < 25; epoch++) {
    let epochLoss = 0;
    for (let b = 0; b < numBatches; b++) {
      const xb = xTrain.slice([b * BATCH, 0], [BATCH, NUM_FEATURES]);
      const yb = yTrain.slice([b * BATCH, 0], [BATCH, NUM_CLASSES]);
      const cost = optimizer.minimize(() => crossEntropy(model.predict(xb), yb), true);
      epochLoss += cost.dataSync()[0] / numBatches;
      tf.dispose([xb, yb, cost]);
    }
    losses.push(epochLoss);
  }

  const evaluate = (x, y) => tf.tidy(() => {
    const logits = model.predict(x);
    const loss = tf.losses.softmaxCrossEntropy(y, logits).dataSync()[0];
    const acc = logits.argMax(-1).equal(y.argMax(-1)).mean().dataSync()[0];
    return [loss, acc];
  });
  const [, trainAcc] = evaluate(xTrain, yTrain);
  const [testLoss, testAcc] = evaluate(xTest, yTest);
  console.log(`loss ${losses[0].toFixed(3)} -> ${losses[losses.length - 1].toFixed(3)} acc ${trainAcc.toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
