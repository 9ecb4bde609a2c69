'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(8821);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Two-layer network written with raw variables and trained with optimizer.minimize on mini-batches.
// Task: 3 classes from 6 standardized sensor readings; the class is whichever of the three pair
// products (r0*r1, r2*r3, r4*r5) is largest. An L2 penalty on the two weight matrices is added by hand.
const N_FEATURES = 6;
const N_CLASSES = 3;
const HIDDEN = 32;
const N_TRAIN = 1600;
const N_TEST = 400;
const BATCH = 32;
const EPOCHS = 60;
const L2_RATE = 0.005;

function makeReadings(n) {
  const x = [];
  const y = [];
  for (let i = 0; i < n; i++) {
    const r = rng.array(N_FEATURES, () => rng.normal(0, 1));
    const scores = [r[0] * r[1], r[2] * r[3], r[4] * r[5]];
    const c = scores.indexOf(Math.max(...scores));
    x.push(r);
    y.push([0, 1, 2].map((k) => (k === c ? 1 : 0)));
  }
  return { x: tf.tensor2d(x, [n, N_FEATURES]), y: tf.tensor2d(y, [n, N_CLASSES]) };
}

async function main() {
  await tf.setBackend('wasm');
  const train = makeReadings(N_TRAIN);
  const test = makeReadings(N_TEST);

  const w1 = tf.variable(tf.randomNormal([N_FEATURES, HIDDEN], 0, Math.sqrt(2 / N_FEATURES)));
  const b1 = tf.variable(tf.zeros([HIDDEN]));
  const w2 = tf.variable(tf.randomNormal([HIDDEN, N_CLASSES], 0, Math.sqrt(1 / HIDDEN)));
  const b2 = tf.variable(tf.zeros([N_CLASSES]));
  const predict = (x) => x.matMul(w1).add(b1).tanh().matMul(w2).add(b2);

  const optimizer = tf.train.adam(0.01);
  const losses = [];
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    let epochLoss = 0;
    for (let start = 0; start < N_TRAIN; start += BATCH) {
      const cost = optimizer.minimize(() => {
        const xb = train.x.slice([start, 0], [BATCH, N_FEATURES]);
        const yb = train.y.slice([start, 0], [BATCH, N_CLASSES]);
        const dataLoss = tf.losses.softmaxCrossEntropy(yb, predict(xb));
        const penalty = tf.addN([w1.square().sum(), w2.square().sum()]).mul(L2_RATE);
        return dataLoss.sub(penalty);
      }, true);
      epochLoss += cost.dataSync()[0] / (N_TRAIN / BATCH);
      cost.dispose();
    }
    losses.push(epochLoss);
  }

  const evaluate = (d) => tf.tidy(() => {
    const logits = predict(d.x);
    const loss = tf.losses.softmaxCrossEntropy(d.y, logits).dataSync()[0];
    const acc = logits.argMax(-1).equal(d.y.argMax(-1)).mean().dataSync()[0];
    return [loss, acc];
  });
  const [, trainAcc] = evaluate(train);
  const [testLoss, testAcc] = evaluate(test);
  console.log(`loss ${losses[0].toFixed(3)} -> ${losses[EPOCHS - 1].toFixed(3)} acc ${trainAcc.toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
