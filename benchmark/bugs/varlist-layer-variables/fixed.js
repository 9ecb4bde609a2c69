'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(3316);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Five-arm spiral in 2-D: a point at radius r on arm c has angle c * 2pi/5 + 5r (plus a little
// angular noise). MLP with three hidden layers that outputs logits, trained in a custom loop
// with optimizer.minimize and an explicit list of variables.
const NUM_CLASSES = 5;
const N_TRAIN = 1000;
const N_TEST = 300;
const BATCH = 32;
const EPOCHS = 30;

function makeSpiral(n) {
  const xs = [];
  const labels = [];
  for (let i = 0; i < n; i++) {
    const c = rng.int(0, NUM_CLASSES);
    const r = rng.uniform(0.05, 1);
    const angle = (c * 2 * Math.PI) / NUM_CLASSES + 5 * r + rng.normal(0, 0.25);
    xs.push([r * Math.cos(angle), r * Math.sin(angle)]);
    labels.push(c);
  }
  return { xs, labels };
}

async function main() {
  await tf.setBackend('wasm');

  const train = makeSpiral(N_TRAIN);
  const test = makeSpiral(N_TEST);
  const xTrain = tf.tensor2d(train.xs, [N_TRAIN, 2]);
  const yTrain = tf.oneHot(tf.tensor1d(train.labels, 'int32'), NUM_CLASSES).toFloat();
  const xTest = tf.tensor2d(test.xs, [N_TEST, 2]);
  const yTest = tf.oneHot(tf.tensor1d(test.labels, 'int32'), NUM_CLASSES).toFloat();

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [2] }));
  model.add(tf.layers.dense({ units: 32, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 32, activation: 'relu' }));
  model.add(tf.layers.dense({ units: NUM_CLASSES }));

  const optimizer = tf.train.adam(0.01);
  // the variables the optimizer updates
  const varList = model.trainableWeights.map((w) => w.read());

  const losses = [];
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    const order = tf.util.createShuffledIndices(N_TRAIN);
    let total = 0;
    let batches = 0;
    for (let start = 0; start < N_TRAIN; start += BATCH) {
      const ids = tf.tensor1d(Array.from(order.slice(start, start + BATCH)), 'int32');
      const cost = optimizer.minimize(() => {
        const xb = xTrain.gather(ids);
        const yb = yTrain.gather(ids);
        return tf.losses.softmaxCrossEntropy(yb, model.predict(xb));
      }, true, varList);
      total += cost.dataSync()[0];
      batches++;
      tf.dispose([ids, cost]);
    }
    losses.push(total / batches);
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
