'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(4417);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Three-class classifier on 12 standardized features with a sparse hidden layer: the hidden
// activations get an L1 activity penalty. tfjs layers do not support activityRegularizer yet,
// so the model also returns the hidden layer and the penalty is added to the loss in a custom loop.
const NUM_FEATURES = 12;
const NUM_CLASSES = 3;
const N_TRAIN = 1600;
const N_TEST = 320;
const BATCH = 32;

function makeData(n) {
  const xs = [];
  const ys = [];
  for (let i = 0; i < n; i++) {
    const r = rng.array(NUM_FEATURES, () => rng.normal(0, 1));
    const scores = [r[0] + r[1] * r[2], r[3] - 0.7 * r[4] + 0.5 * r[5] * r[5] - 0.5, Math.sin(2 * r[6]) + r[7]];
    const c = scores.indexOf(Math.max(...scores));
    xs.push(r);
    ys.push([0, 1, 2].map((k) => (k === c ? 1 : 0)));
  }
  return { xs, ys };
}

async function main() {
  await tf.setBackend('wasm');

  const train = makeData(N_TRAIN);
  const test = makeData(N_TEST);
  const xTrain = tf.tensor2d(train.xs, [N_TRAIN, NUM_FEATURES]);
  const yTrain = tf.tensor2d(train.ys, [N_TRAIN, NUM_CLASSES]);
  const xTest = tf.tensor2d(test.xs, [N_TEST, NUM_FEATURES]);
  const yTest = tf.tensor2d(test.ys, [N_TEST, NUM_CLASSES]);

  const input = tf.input({ shape: [NUM_FEATURES] });
  const hidden = tf.layers.dense({ units: 64, activation: 'relu' }).apply(input);
  const hidden2 = tf.layers.dense({ units: 32, activation: 'relu' }).apply(hidden);
  const output = tf.layers.dense({ units: NUM_CLASSES, activation: 'softmax' }).apply(hidden2);
  const model = tf.model({ inputs: input, outputs: [hidden, output] });

  const activityReg = tf.regularizers.l1({ l1: 1 });
  const optimizer = tf.train.adam(0.003);
  const losses = [];
  for (let epoch = 0; epoch < 12; epoch++) {
    const order = tf.util.createShuffledIndices(N_TRAIN);
    let epochLoss = 0;
    for (let start = 0; start < N_TRAIN; start += BATCH) {
      tf.tidy(() => {
        const idx = tf.tensor1d(Array.from(order.slice(start, start + BATCH)), 'int32');
        const xb = xTrain.gather(idx);
        const yb = yTrain.gather(idx);
        const cost = optimizer.minimize(() => {
          const [h, probs] = model.apply(xb);
          const ce = tf.metrics.categoricalCrossentropy(yb, probs).mean();
          return ce.add(activityReg.apply(h));
        }, true);
        epochLoss += cost.dataSync()[0] / (N_TRAIN / BATCH);
      });
    }
    losses.push(epochLoss);
  }

  const evaluate = (x, y) => tf.tidy(() => {
    const probs = model.predict(x)[1];
    const loss = tf.metrics.categoricalCrossentropy(y, probs).mean().dataSync()[0];
    const acc = probs.argMax(-1).equal(y.argMax(-1)).mean().dataSync()[0];
    return [loss, acc];
  });
  const [trainCe, trainAcc] = evaluate(xTrain, yTrain);
  const [testCe, testAcc] = evaluate(xTest, yTest);
  console.log(`loss ${losses[0].toFixed(3)} -> ${losses[losses.length - 1].toFixed(3)} train ce ${trainCe.toFixed(3)} acc ${trainAcc.toFixed(3)} | test ce ${testCe.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
