'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(5417);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Subscription churn prediction from 10 standardized usage features (logins per week, session
// length, support tickets, months subscribed, ...). Two-layer network written with raw variables,
// gradients from tf.variableGrads and a hand-written RMSprop update.
const N_FEATURES = 10;
const N_TRAIN = 1200;
const N_TEST = 400;
const HIDDEN = 32;
const LR = 0.01;
const RHO = 0.9;
const EPSILON = 1e-8;
const BATCH = 32;
const EPOCHS = 20;

function makeCustomers(n) {
  const xs = [];
  const ys = [];
  for (let i = 0; i < n; i++) {
    const f = rng.array(N_FEATURES, () => rng.normal(0, 1));
    const score = 1.2 * f[0] - 0.9 * f[1] + 0.8 * f[2] * f[3] + 0.6 * Math.tanh(2 * f[4]) - 0.5 * f[5] * f[5] + 0.4 + rng.normal(0, 0.3);
    xs.push(f);
    ys.push([score < 0 ? 1 : 0]);
  }
  return { xs, ys };
}

async function main() {
  await tf.setBackend('wasm');

  const train = makeCustomers(N_TRAIN);
  const test = makeCustomers(N_TEST);
  const xTrain = tf.tensor2d(train.xs, [N_TRAIN, N_FEATURES]);
  const yTrain = tf.tensor2d(train.ys, [N_TRAIN, 1]);
  const xTest = tf.tensor2d(test.xs, [N_TEST, N_FEATURES]);
  const yTest = tf.tensor2d(test.ys, [N_TEST, 1]);

  const w1 = tf.variable(tf.randomNormal([N_FEATURES, HIDDEN], 0, Math.sqrt(2 / N_FEATURES)));
  const b1 = tf.variable(tf.zeros([HIDDEN]));
  const w2 = tf.variable(tf.randomNormal([HIDDEN, 1], 0, Math.sqrt(1 / HIDDEN)));
  const b2 = tf.variable(tf.zeros([1]));
  const params = [w1, b1, w2, b2];

  // RMSprop state: running average of the squared gradient of every parameter
  const cache = params.map((p) => tf.variable(tf.zerosLike(p)));

  function rmspropStep(grads) {
    tf.tidy(() => {
      params.forEach((p, i) => {
        const g = grads[p.name];
        cache[i].assign(cache[i].mul(RHO).add(g.square().mul(1 - RHO)));
        p.assign(p.sub(g.div(cache[i].add(EPSILON)).mul(LR)));
      });
    });
  }

  const logits = (x) => x.matMul(w1).add(b1).relu().matMul(w2).add(b2);
  const bce = (x, y) => tf.losses.sigmoidCrossEntropy(y, logits(x));
  const accuracy = (x, y) => logits(x).greater(0).toFloat().equal(y).mean();

  const losses = [];
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    const order = tf.util.createShuffledIndices(N_TRAIN);
    let epochLoss = 0;
    let batches = 0;
    for (let start = 0; start < N_TRAIN; start += BATCH) {
      const idx = Array.from(order.slice(start, start + BATCH));
      tf.tidy(() => {
        const ids = tf.tensor1d(idx, 'int32');
        const xb = xTrain.gather(ids);
        const yb = yTrain.gather(ids);
        const { value, grads } = tf.variableGrads(() => bce(xb, yb), params);
        rmspropStep(grads);
        epochLoss += value.dataSync()[0];
        batches++;
      });
    }
    losses.push(epochLoss / batches);
  }

  const [trainLoss, trainAcc] = tf.tidy(() => [bce(xTrain, yTrain).dataSync()[0], accuracy(xTrain, yTrain).dataSync()[0]]);
  const [testLoss, testAcc] = tf.tidy(() => [bce(xTest, yTest).dataSync()[0], accuracy(xTest, yTest).dataSync()[0]]);
  const trace = losses.filter((_, i) => i % 5 === 0 || i === losses.length - 1).map((l) => l.toPrecision(3)).join(' ');
  console.log(`epoch loss ${trace} | train loss ${trainLoss.toPrecision(3)} acc ${trainAcc.toFixed(3)} | test loss ${testLoss.toPrecision(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
