'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(9679);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Pump condition monitoring: 10 standardized sensor readings (vibration, temperature, pressure,
// flow, current, ...) classified into 4 operating states. The state is set by two hidden
// mechanical factors, each a mix of several sensors, so the classes are not linearly separable.
// The MLP is trained with sharpness-aware minimization (SAM, Foret et al. 2021) in a hand-written
// loop: take the gradient at w, climb to w + RHO * g / ||g||, take the gradient there, return to
// w and let plain SGD apply the gradient from the perturbed point.
const NUM_FEATURES = 10;
const NUM_CLASSES = 4;
const HIDDEN = 32;
const N_TRAIN = 800;
const N_TEST = 400;
const EPOCHS = 30;
const BATCH = 32;
const LEARNING_RATE = 0.05;
const RHO = 0.05;

const wearAxis = rng.array(NUM_FEATURES, () => rng.normal(0, 1));
const cavitationAxis = rng.array(NUM_FEATURES, () => rng.normal(0, 1));

function readSensors(n) {
  const xs = [];
  const ys = [];
  const dot = (a, b) => a.reduce((s, ai, j) => s + ai * b[j], 0) / Math.sqrt(NUM_FEATURES);
  for (let i = 0; i < n; i++) {
    const x = rng.array(NUM_FEATURES, () => rng.normal(0, 1));
    const worn = dot(x, wearAxis) + rng.normal(0, 0.1) > 0;
    const cavitating = dot(x, cavitationAxis) * dot(x, wearAxis) + rng.normal(0, 0.1) > 0;
    xs.push(x);
    ys.push((worn ? 2 : 0) + (cavitating ? 1 : 0));
  }
  return { xs, ys };
}

function initParams() {
  return [
    tf.variable(tf.randomNormal([NUM_FEATURES, HIDDEN], 0, Math.sqrt(2 / NUM_FEATURES)), true, 'w1'),
    tf.variable(tf.zeros([HIDDEN]), true, 'b1'),
    tf.variable(tf.randomNormal([HIDDEN, HIDDEN], 0, Math.sqrt(2 / HIDDEN)), true, 'w2'),
    tf.variable(tf.zeros([HIDDEN]), true, 'b2'),
    tf.variable(tf.randomNormal([HIDDEN, NUM_CLASSES], 0, Math.sqrt(1 / HIDDEN)), true, 'w3'),
    tf.variable(tf.zeros([NUM_CLASSES]), true, 'b3'),
  ];
}

function forward([w1, b1, w2, b2, w3, b3], x) {
  return x.matMul(w1).add(b1).relu().matMul(w2).add(b2).relu().matMul(w3).add(b3);
}

async function main() {
  await tf.setBackend('wasm');
  const train = readSensors(N_TRAIN);
  const test = readSensors(N_TEST);
  const xTrain = tf.tensor2d(train.xs, [N_TRAIN, NUM_FEATURES]);
  const yTrain = tf.oneHot(tf.tensor1d(train.ys, 'int32'), NUM_CLASSES).cast('float32');
  const xTest = tf.tensor2d(test.xs, [N_TEST, NUM_FEATURES]);
  const yTest = tf.oneHot(tf.tensor1d(test.ys, 'int32'), NUM_CLASSES).cast('float32');

  const vars = initParams();
  const optimizer = tf.train.sgd(LEARNING_RATE);

  function samStep(xb, yb) {
    const lossFn = () => tf.losses.softmaxCrossEntropy(yb, forward(vars, xb));
    // 1) gradient at the current weights
    const first = tf.variableGrads(lossFn, vars);
    // 2) ascent step to the sharpest nearby point, scaled to length RHO
    const perturbations = tf.tidy(() => {
      const norm = tf.sqrt(tf.addN(vars.map((v) => first.grads[v.name].square().sum()))).add(1e-12);
      return vars.map((v) => first.grads[v.name].mul(RHO).div(norm));
    });
    vars.forEach((v, i) => v.assign(v.add(perturbations[i])));
    // 3) sharpness-aware gradient, taken at the perturbed weights
    const second = tf.variableGrads(lossFn, vars);
    perturbations.forEach((e) => e.dispose());
    optimizer.applyGradients(second.grads);
    const loss = first.value.dataSync()[0];
    tf.dispose([first.value, first.grads, second.value, second.grads]);
    return loss;
  }

  const losses = [];
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    const order = tf.util.createShuffledIndices(N_TRAIN);
    let epochLoss = 0;
    let numBatches = 0;
    for (let start = 0; start < N_TRAIN; start += BATCH) {
      const idx = tf.tensor1d(Array.from(order.slice(start, start + BATCH)), 'int32');
      const xb = tf.gather(xTrain, idx);
      const yb = tf.gather(yTrain, idx);
      epochLoss += samStep(xb, yb);
      numBatches++;
      tf.dispose([idx, xb, yb]);
    }
    losses.push(epochLoss / numBatches);
  }

  const evaluate = (x, y) =>
    tf.tidy(() => {
      const logits = forward(vars, x);
      const loss = tf.losses.softmaxCrossEntropy(y, logits).dataSync()[0];
      const acc = logits.argMax(1).equal(y.argMax(1)).cast('float32').mean().dataSync()[0];
      return [loss, acc];
    });
  const [trainLoss, trainAcc] = evaluate(xTrain, yTrain);
  const [testLoss, testAcc] = evaluate(xTest, yTest);
  console.log(`loss ${losses[0].toFixed(3)} -> ${losses[losses.length - 1].toFixed(3)} acc ${trainAcc.toFixed(3)} (eval loss ${trainLoss.toFixed(3)}) | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
