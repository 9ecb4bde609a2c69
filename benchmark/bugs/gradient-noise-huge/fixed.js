'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(4519);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Ring classifier: 2-D points labelled by which of three rings (radius bands) they fall in,
// plus 6 distractor features. Trained with a hand-written mini-batch loop; Gaussian noise is
// added to every gradient before the update to help generalization (Neelakantan et al. 2015,
// "Adding Gradient Noise Improves Learning for Very Deep Networks").
const NUM_CLASSES = 3;
const NUM_FEATURES = 8;
const BATCH = 32;
const EPOCHS = 15;
const GRAD_NOISE_STD = 0.01;

function makeData(n) {
  const xs = [];
  const ys = [];
  for (let i = 0; i < n; i++) {
    const c = rng.int(0, NUM_CLASSES);
    const r = 0.5 + c + rng.uniform(-0.35, 0.35);
    const a = rng.uniform(0, 2 * Math.PI);
    xs.push([r * Math.cos(a), r * Math.sin(a), ...rng.array(NUM_FEATURES - 2, () => rng.normal(0, 1))]);
    ys.push(c);
  }
  return { xs, ys };
}

async function main() {
  await tf.setBackend('wasm');

  const train = makeData(1024);
  const test = makeData(400);
  const xTrain = tf.tensor2d(train.xs, [1024, NUM_FEATURES]);
  const yTrain = tf.oneHot(tf.tensor1d(train.ys, 'int32'), NUM_CLASSES).toFloat();
  const xTest = tf.tensor2d(test.xs, [400, NUM_FEATURES]);
  const yTest = tf.oneHot(tf.tensor1d(test.ys, 'int32'), NUM_CLASSES).toFloat();

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [NUM_FEATURES] }));
  model.add(tf.layers.dense({ units: 32, activation: 'relu' }));
  model.add(tf.layers.dense({ units: NUM_CLASSES, activation: 'softmax' }));

  const optimizer = tf.train.adam(0.005);
  const lossFn = (x, y) => tf.metrics.categoricalCrossentropy(y, model.apply(x)).mean();

  const losses = [];
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    const order = tf.util.createShuffledIndices(1024);
    let epochLoss = 0;
    let batches = 0;
    for (let start = 0; start < 1024; start += BATCH) {
      const idx = tf.tensor1d(Array.from(order.slice(start, start + BATCH)), 'int32');
      tf.tidy(() => {
        const xb = xTrain.gather(idx);
        const yb = yTrain.gather(idx);
        const { value, grads } = tf.variableGrads(() => lossFn(xb, yb));
        const noisy = {};
        for (const name of Object.keys(grads)) {
          noisy[name] = grads[name].add(tf.randomNormal(grads[name].shape, 0, GRAD_NOISE_STD));
        }
        optimizer.applyGradients(noisy);
        epochLoss += value.dataSync()[0];
        batches++;
      });
      idx.dispose();
    }
    losses.push(epochLoss / batches);
  }

  const evaluate = (x, y) => tf.tidy(() => {
    const p = model.predict(x);
    const loss = tf.metrics.categoricalCrossentropy(y, p).mean().dataSync()[0];
    const acc = p.argMax(-1).equal(y.argMax(-1)).toFloat().mean().dataSync()[0];
    return [loss, acc];
  });
  const [, trainAcc] = evaluate(xTrain, yTrain);
  const [testLoss, testAcc] = evaluate(xTest, yTest);
  console.log(`loss ${losses[0].toFixed(3)} -> ${losses[losses.length - 1].toFixed(3)} acc ${trainAcc.toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
