'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(3907);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Three-class classifier with gradient accumulation: gradients of 4 micro-batches of 16 rows are
// summed per variable and the averaged sum is applied once, i.e. an effective batch of 64.
// Data: 12 standardized features, class = which of three random linear scores is largest.
const NUM_FEATURES = 12;
const NUM_CLASSES = 3;
const N_TRAIN = 1280;
const N_TEST = 400;
const MICRO_BATCH = 16;
const ACCUM_STEPS = 4;
const EPOCHS = 20;

const scoreWeights = rng.array(NUM_CLASSES, () => rng.array(NUM_FEATURES, () => rng.normal(0, 1)));

function makeData(n) {
  const xs = [];
  const ys = [];
  for (let i = 0; i < n; i++) {
    const x = rng.array(NUM_FEATURES, () => rng.normal(0, 1));
    const scores = scoreWeights.map((w) => w.reduce((s, wj, j) => s + wj * x[j], 0));
    const c = scores.indexOf(Math.max(...scores));
    xs.push(x);
    ys.push(Array.from({ length: NUM_CLASSES }, (_, k) => (k === c ? 1 : 0)));
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

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [NUM_FEATURES] }));
  model.add(tf.layers.dense({ units: 32, activation: 'relu' }));
  model.add(tf.layers.dense({ units: NUM_CLASSES, activation: 'softmax' }));

  const optimizer = tf.train.sgd(0.1);
  const newAccumulator = () => {
    const acc = {};
    for (const w of model.trainableWeights) acc[w.val.name] = tf.zerosLike(w.val);
    return acc;
  };
  let accum = newAccumulator();

  const losses = [];
  let step = 0;
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    const order = tf.util.createShuffledIndices(N_TRAIN);
    let epochLoss = 0;
    let batches = 0;
    for (let start = 0; start < N_TRAIN; start += MICRO_BATCH) {
      const idx = Array.from(order.slice(start, start + MICRO_BATCH));
      const { value, grads } = tf.tidy(() => {
        const ids = tf.tensor1d(idx, 'int32');
        const xb = tf.gather(xTrain, ids);
        const yb = tf.gather(yTrain, ids);
        return tf.variableGrads(() => tf.metrics.categoricalCrossentropy(yb, model.predict(xb)).mean());
      });
      for (const name of Object.keys(grads)) {
        const summed = accum[name].add(grads[name]);
        accum[name].dispose();
        accum[name] = summed;
      }
      epochLoss += value.dataSync()[0];
      tf.dispose([value, grads]);
      batches++;
      step++;

      if (step % ACCUM_STEPS === 0) {
        const averaged = tf.tidy(() => {
          const out = {};
          for (const name of Object.keys(accum)) out[name] = accum[name].div(ACCUM_STEPS);
          return out;
        });
        optimizer.applyGradients(averaged);
        tf.dispose(averaged);
      }
    }
    losses.push(epochLoss / batches);
  }

  const evaluate = (x, y) => tf.tidy(() => {
    const probs = model.predict(x);
    const loss = tf.metrics.categoricalCrossentropy(y, probs).mean().dataSync()[0];
    const acc = probs.argMax(-1).equal(y.argMax(-1)).mean().dataSync()[0];
    return [loss, acc];
  });
  const [, trainAcc] = evaluate(xTrain, yTrain);
  const [testLoss, testAcc] = evaluate(xTest, yTest);
  console.log(`loss ${losses[0].toFixed(3)} -> ${losses[losses.length - 1].toFixed(3)} acc ${trainAcc.toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
