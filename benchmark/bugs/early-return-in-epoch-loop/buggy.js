'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(4471);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Three concentric rings in the plane: the class is the ring a point lies on (radius bands
// [0, 1), [1, 2), [2, 3)), with a little noise on the radius. Small MLP trained with a
// hand-written mini-batch loop (shuffled indices, tf.variableGrads + applyGradients).
const N_TRAIN = 500;
const N_TEST = 300;
const NUM_CLASSES = 3;
const BATCH = 32;
const EPOCHS = 60;

function makeRings(n) {
  const xs = [];
  const ys = [];
  for (let i = 0; i < n; i++) {
    const c = rng.int(0, NUM_CLASSES);
    const r = c + rng.uniform(0.1, 0.9);
    const angle = rng.uniform(0, 2 * Math.PI);
    xs.push([r * Math.cos(angle), r * Math.sin(angle)]);
    ys.push(c);
  }
  return { xs, ys };
}

async function train(model, optimizer, xTrain, yTrain) {
  const stepLosses = [];
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    const order = Array.from(tf.util.createShuffledIndices(N_TRAIN));
    for (let start = 0; start < N_TRAIN; start += BATCH) {
      // drop the short last batch
      if (start + BATCH > N_TRAIN) return stepLosses;
      const idx = tf.tensor1d(order.slice(start, start + BATCH), 'int32');
      const loss = tf.tidy(() => {
        const xb = tf.gather(xTrain, idx);
        const yb = tf.gather(yTrain, idx);
        const { value, grads } = tf.variableGrads(() => tf.losses.softmaxCrossEntropy(yb, model.apply(xb)));
        optimizer.applyGradients(grads);
        return value.dataSync()[0];
      });
      idx.dispose();
      stepLosses.push(loss);
    }
  }
  return stepLosses;
}

async function main() {
  await tf.setBackend('wasm');

  const trainSet = makeRings(N_TRAIN);
  const testSet = makeRings(N_TEST);
  const xTrain = tf.tensor2d(trainSet.xs, [N_TRAIN, 2]);
  const yTrain = tf.oneHot(tf.tensor1d(trainSet.ys, 'int32'), NUM_CLASSES).toFloat();
  const xTest = tf.tensor2d(testSet.xs, [N_TEST, 2]);
  const yTest = tf.oneHot(tf.tensor1d(testSet.ys, 'int32'), NUM_CLASSES).toFloat();

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [2] }));
  model.add(tf.layers.dense({ units: 32, activation: 'relu' }));
  model.add(tf.layers.dense({ units: NUM_CLASSES }));
  const optimizer = tf.train.adam(0.005);

  const stepLosses = await train(model, optimizer, xTrain, yTrain);

  const evaluate = (x, y) => tf.tidy(() => {
    const logits = model.predict(x);
    const loss = tf.losses.softmaxCrossEntropy(y, logits).dataSync()[0];
    const acc = logits.argMax(-1).equal(y.argMax(-1)).mean().dataSync()[0];
    return [loss, acc];
  });
  const [trainLoss, trainAcc] = evaluate(xTrain, yTrain);
  const [testLoss, testAcc] = evaluate(xTest, yTest);
  console.log(`loss ${stepLosses[0].toFixed(3)} -> ${trainLoss.toFixed(3)} acc ${trainAcc.toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
