'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(2471);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Food delivery: predict how late an order arrives (minutes relative to the promised time,
// centred and scaled) from 8 standardized order features: distance, courier load, restaurant
// prep backlog, traffic index, rain, hour of day (sin/cos) and basket size. Small MLP trained
// with a hand-written mini-batch loop: tf.variableGrads on the mean squared error, then an
// SGD-with-momentum step.
const FEATURES = ['distance', 'courierLoad', 'prepBacklog', 'traffic', 'rain', 'hourSin', 'hourCos', 'basket'];
const N_FEATURES = FEATURES.length;
const N_TRAIN = 1200;
const N_TEST = 400;
const EPOCHS = 20;
const BATCH_SIZE = 32;
const LEARNING_RATE = 0.005;
const MOMENTUM = 0.9;

function makeOrders(n) {
  const xs = [];
  const ys = [];
  for (let i = 0; i < n; i++) {
    const x = rng.array(N_FEATURES, () => rng.normal(0, 1));
    const [dist, load, backlog, traffic, rain, hs, hc, basket] = x;
    const late = 0.6 * dist + 0.4 * traffic * (1 + 0.5 * rain) + 0.5 * Math.tanh(backlog) + 0.3 * load * load - 0.3 + 0.4 * hs * hc + 0.1 * basket + rng.normal(0, 0.15);
    xs.push(x);
    ys.push([late]);
  }
  return { xs, ys };
}

async function main() {
  await tf.setBackend('wasm');

  const train = makeOrders(N_TRAIN);
  const test = makeOrders(N_TEST);
  const xTrain = tf.tensor2d(train.xs, [N_TRAIN, N_FEATURES]);
  const yTrain = tf.tensor2d(train.ys, [N_TRAIN, 1]);
  const xTest = tf.tensor2d(test.xs, [N_TEST, N_FEATURES]);
  const yTest = tf.tensor2d(test.ys, [N_TEST, 1]);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [N_FEATURES] }));
  model.add(tf.layers.dense({ units: 16, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 1 }));

  const optimizer = tf.train.momentum(LEARNING_RATE, MOMENTUM);
  const numBatches = Math.ceil(N_TRAIN / BATCH_SIZE);
  const losses = [];
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    const order = tf.util.createShuffledIndices(N_TRAIN);
    let epochLoss = 0;
    for (let b = 0; b < numBatches; b++) {
      tf.tidy(() => {
        const idx = tf.tensor1d(Array.from(order.slice(b * BATCH_SIZE, (b + 1) * BATCH_SIZE)), 'int32');
        const xb = xTrain.gather(idx);
        const yb = yTrain.gather(idx);
        const { value, grads } = tf.variableGrads(() => tf.losses.meanSquaredError(yb, model.predict(xb)));
        const steps = {};
        for (const name of Object.keys(grads)) {
          steps[name] = grads[name].mul(LEARNING_RATE);
        }
        optimizer.applyGradients(steps);
        epochLoss += value.dataSync()[0] / numBatches;
      });
    }
    losses.push(epochLoss);
  }

  const evaluate = (x, y) =>
    tf.tidy(() => {
      const pred = model.predict(x);
      return [tf.losses.meanSquaredError(y, pred).dataSync()[0], tf.metrics.meanAbsoluteError(y, pred).mean().dataSync()[0]];
    });
  const [trainLoss, trainMae] = evaluate(xTrain, yTrain);
  const [testLoss, testMae] = evaluate(xTest, yTest);
  const targetVar = tf.tidy(() => tf.moments(yTest).variance.dataSync()[0]);
  console.log(`loss ${losses[0].toFixed(3)} -> ${losses[losses.length - 1].toFixed(3)} mae ${trainMae.toFixed(3)} (eval loss ${trainLoss.toFixed(3)}) | test loss ${testLoss.toFixed(3)} test mae ${testMae.toFixed(3)} (test target variance ${targetVar.toFixed(3)})`);
}

main();
