'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(4821);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Two-layer network written by hand with tf.variable weights and trained with plain
// mini-batch gradient descent (tf.variableGrads, update applied manually).
// Task: 2-D points, class 1 if the point lies inside a circle of radius 1.2 around the origin.
const N_TRAIN = 800;
const N_TEST = 400;
const HIDDEN = 16;
const BATCH = 32;
const LR = 0.5;
const EPOCHS = 40;

function makePoints(n) {
  const xs = [];
  const ys = [];
  for (let i = 0; i < n; i++) {
    const x = rng.uniform(-2, 2);
    const y = rng.uniform(-2, 2);
    xs.push([x, y]);
    ys.push([x * x + y * y < 1.44 ? 1 : 0]);
  }
  return { xs, ys };
}

async function main() {
  await tf.setBackend('wasm');

  const train = makePoints(N_TRAIN);
  const test = makePoints(N_TEST);
  const xTrain = tf.tensor2d(train.xs, [N_TRAIN, 2]);
  const yTrain = tf.tensor2d(train.ys, [N_TRAIN, 1]);
  const xTest = tf.tensor2d(test.xs, [N_TEST, 2]);
  const yTest = tf.tensor2d(test.ys, [N_TEST, 1]);

  const w1 = tf.variable(tf.randomNormal([2, HIDDEN], 0, Math.sqrt(2 / 2)), true, 'w1');
  const b1 = tf.variable(tf.zeros([HIDDEN]), true, 'b1');
  const w2 = tf.variable(tf.randomNormal([HIDDEN, 1], 0, Math.sqrt(1 / HIDDEN)), true, 'w2');
  const b2 = tf.variable(tf.zeros([1]), true, 'b2');
  const params = [w1, b1, w2, b2];

  const logits = (x) => x.matMul(w1).add(b1).relu().matMul(w2).add(b2);
  const lossFn = (x, y) => tf.losses.sigmoidCrossEntropy(y, logits(x));

  const losses = [];
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    const order = tf.util.createShuffledIndices(N_TRAIN);
    let epochLoss = 0;
    let batches = 0;
    for (let start = 0; start < N_TRAIN; start += BATCH) {
      const idx = tf.tensor1d(Array.from(order.slice(start, start + BATCH)), 'int32');
      tf.tidy(() => {
        const xb = xTrain.gather(idx);
        const yb = yTrain.gather(idx);
        const { value, grads } = tf.variableGrads(() => lossFn(xb, yb), params);
        for (const v of params) {
          v.assign(v.sub(grads[v.name].mul(LR)));
        }
        epochLoss += value.dataSync()[0];
        batches++;
      });
      idx.dispose();
    }
    losses.push(epochLoss / batches);
  }

  const evaluate = (x, y) => tf.tidy(() => {
    const loss = lossFn(x, y).dataSync()[0];
    const acc = logits(x).greater(0).cast('float32').equal(y).mean().dataSync()[0];
    return [loss, acc];
  });
  const [trainLoss, trainAcc] = evaluate(xTrain, yTrain);
  const [testLoss, testAcc] = evaluate(xTest, yTest);
  console.log(`loss ${losses[0].toFixed(3)} -> ${losses[losses.length - 1].toFixed(3)} acc ${trainAcc.toFixed(3)} (train loss ${trainLoss.toFixed(3)}) | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
