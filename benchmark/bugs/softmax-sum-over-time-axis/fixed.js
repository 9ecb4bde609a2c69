'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(4711);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Activity segmentation: each sample is a 10-step trace of 3 sensor channels recorded while a
// person does one activity and possibly switches to another part-way through. Every time step gets
// one of four activity tags. LSTM over the trace, a dense layer on each step, softmax and
// cross-entropy written out by hand in a custom training loop.
const T = 10;
const F = 3;
const K = 4;
const N_TRAIN = 600;
const N_TEST = 200;
const BATCH = 32;
const EPOCHS = 15;

const activityMeans = rng.array(K, () => rng.array(F, () => rng.normal(0, 2)));

function makeTraces(n) {
  const xs = [];
  const ys = [];
  for (let i = 0; i < n; i++) {
    const first = rng.int(0, K);
    const second = rng.random() < 0.5 ? first : rng.int(0, K);
    const switchAt = rng.int(2, T - 1);
    const trace = [];
    const tags = [];
    for (let t = 0; t < T; t++) {
      const activity = t < switchAt ? first : second;
      trace.push(activityMeans[activity].map((m) => m + rng.normal(0, 0.6)));
      tags.push(rng.array(K, (k) => (k === activity ? 1 : 0)));
    }
    xs.push(trace);
    ys.push(tags);
  }
  return { xs: tf.tensor3d(xs, [n, T, F]), ys: tf.tensor3d(ys, [n, T, K]) };
}

function softmax(logits, axis) {
  const e = tf.exp(logits.sub(logits.max(axis, true)));
  return e.div(e.sum(axis, true));
}

function crossEntropy(labels, probs) {
  return tf.neg(tf.sum(labels.mul(tf.log(probs.add(1e-7))), -1)).mean();
}

async function main() {
  await tf.setBackend('wasm');
  const train = makeTraces(N_TRAIN);
  const test = makeTraces(N_TEST);

  const model = tf.sequential();
  model.add(tf.layers.lstm({ units: 12, returnSequences: true, inputShape: [T, F] }));
  model.add(tf.layers.timeDistributed({ layer: tf.layers.dense({ units: K }) }));
  const tagProbs = (x) => softmax(model.predict(x), -1);

  const optimizer = tf.train.adam(0.01);
  const losses = [];
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    let epochLoss = 0;
    let batches = 0;
    for (let start = 0; start < N_TRAIN; start += BATCH) {
      const size = Math.min(BATCH, N_TRAIN - start);
      tf.tidy(() => {
        const xb = train.xs.slice([start, 0, 0], [size, T, F]);
        const yb = train.ys.slice([start, 0, 0], [size, T, K]);
        const { value, grads } = tf.variableGrads(() => crossEntropy(yb, tagProbs(xb)));
        optimizer.applyGradients(grads);
        epochLoss += value.dataSync()[0];
      });
      batches++;
    }
    losses.push(epochLoss / batches);
  }

  const evaluate = (data) =>
    tf.tidy(() => {
      const probs = tagProbs(data.xs);
      const loss = crossEntropy(data.ys, probs).dataSync()[0];
      const acc = probs.argMax(-1).equal(data.ys.argMax(-1)).mean().dataSync()[0];
      return [loss, acc];
    });
  const [, trainAcc] = evaluate(train);
  const [testLoss, testAcc] = evaluate(test);
  console.log(`loss ${losses[0].toFixed(3)} -> ${losses[losses.length - 1].toFixed(3)} acc ${trainAcc.toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
