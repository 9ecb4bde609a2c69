'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(4817);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Small student network for a 4-class problem in 10 features. The class of a point is decided
// by which of four nonlinear scores is largest. The network outputs raw logits and the loss
// applies the softmax; training is a plain mini-batch loop with optimizer.minimize.
const NUM_FEATURES = 10;
const NUM_CLASSES = 4;
const BATCH = 32;
const EPOCHS = 12;
const T = 20;

function makeData(n) {
  const xs = [];
  const ys = [];
  for (let i = 0; i < n; i++) {
    const x = rng.array(NUM_FEATURES, () => rng.normal(0, 1));
    const scores = [x[0] * x[1], x[2] * x[2] - 1, Math.abs(x[3]) - x[4] - 0.8, 0.8 * x[5] - x[6] * x[7]];
    const c = scores.indexOf(Math.max(...scores));
    xs.push(x);
    ys.push(rng.array(NUM_CLASSES, (k) => (k === c ? 1 : 0)));
  }
  return { xs: tf.tensor2d(xs, [n, NUM_FEATURES]), ys: tf.tensor2d(ys, [n, NUM_CLASSES]) };
}

function lossFn(labels, logits) {
  return tf.losses.softmaxCrossEntropy(labels, logits.div(T));
}

async function main() {
  await tf.setBackend('wasm');
  const train = makeData(1200);
  const test = makeData(300);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 64, activation: 'relu', inputShape: [NUM_FEATURES] }));
  model.add(tf.layers.dense({ units: 64, activation: 'relu' }));
  model.add(tf.layers.dense({ units: NUM_CLASSES }));

  const optimizer = tf.train.sgd(0.1);
  const numBatches = Math.floor(1200 / BATCH);
  const losses = [];
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    const order = tf.util.createShuffledIndices(1200);
    let epochLoss = 0;
    for (let b = 0; b < numBatches; b++) {
      const idx = tf.tensor1d(Array.from(order.slice(b * BATCH, (b + 1) * BATCH)), 'int32');
      const loss = optimizer.minimize(() => {
        const xb = train.xs.gather(idx);
        const yb = train.ys.gather(idx);
        return lossFn(yb, model.predict(xb));
      }, true);
      epochLoss += loss.dataSync()[0] / numBatches;
      loss.dispose();
      idx.dispose();
    }
    losses.push(epochLoss);
  }

  const evaluate = (data) => tf.tidy(() => {
    const logits = model.predict(data.xs);
    const acc = logits.argMax(-1).equal(data.ys.argMax(-1)).mean().dataSync()[0];
    return [lossFn(data.ys, logits).dataSync()[0], acc];
  });
  const [, trainAcc] = evaluate(train);
  const [testLoss, testAcc] = evaluate(test);
  console.log(`loss ${losses[0].toFixed(3)} -> ${losses[losses.length - 1].toFixed(3)} acc ${trainAcc.toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
