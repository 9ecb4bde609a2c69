'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(9590);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Associative recall with one self-attention layer. Each sequence holds seven (key, value)
// records from a small lookup table followed by a query token that names one of the keys; the
// model must return the value stored under that key. Tokens are one-hot [key | value | isQuery].
// A single attention head (queries, keys, values are linear maps of the tokens) reads the
// sequence, and the output at the query position goes through a softmax classifier over values.
const NUM_KEYS = 10;
const NUM_VALUES = 8;
const PAIRS = 7;
const SEQ_LEN = PAIRS + 1;
const TOKEN_DIM = NUM_KEYS + NUM_VALUES + 1;
const HEAD_DIM = 8;
const VALUE_DIM = 16;
const N_TRAIN = 4000;
const N_TEST = 1000;
const BATCH_SIZE = 100;
const EPOCHS = 20;

function makeSequences(n) {
  const tokens = new Float32Array(n * SEQ_LEN * TOKEN_DIM);
  const labels = new Int32Array(n);
  for (let s = 0; s < n; s++) {
    const keys = Array.from({ length: NUM_KEYS }, (_, k) => k);
    for (let i = keys.length - 1; i > 0; i--) {
      const j = rng.int(0, i + 1);
      [keys[i], keys[j]] = [keys[j], keys[i]];
    }
    const values = [];
    for (let p = 0; p < PAIRS; p++) {
      values.push(rng.int(0, NUM_VALUES));
      const base = (s * SEQ_LEN + p) * TOKEN_DIM;
      tokens[base + keys[p]] = 1;
      tokens[base + NUM_KEYS + values[p]] = 1;
    }
    const asked = rng.int(0, PAIRS);
    const qBase = (s * SEQ_LEN + PAIRS) * TOKEN_DIM;
    tokens[qBase + keys[asked]] = 1;
    tokens[qBase + TOKEN_DIM - 1] = 1;
    labels[s] = values[asked];
  }
  return {
    x: tf.tensor3d(tokens, [n, SEQ_LEN, TOKEN_DIM]),
    y: tf.oneHot(tf.tensor1d(labels, 'int32'), NUM_VALUES).toFloat(),
  };
}

function glorot(rows, cols) {
  const limit = Math.sqrt(6 / (rows + cols));
  return tf.variable(tf.tensor2d(rng.array(rows * cols, () => rng.uniform(-limit, limit)), [rows, cols]));
}

async function main() {
  await tf.setBackend('wasm');

  const train = makeSequences(N_TRAIN);
  const test = makeSequences(N_TEST);

  const wq = glorot(TOKEN_DIM, HEAD_DIM);
  const wk = glorot(TOKEN_DIM, HEAD_DIM);
  const wv = glorot(TOKEN_DIM, VALUE_DIM);
  const wOut = glorot(VALUE_DIM, NUM_VALUES);
  const bOut = tf.variable(tf.zeros([NUM_VALUES]));
  const optimizer = tf.train.adam(0.01);

  // [batch, seq, in] x [in, out] -> [batch, seq, out]
  function project(x, w) {
    const [b, t, d] = x.shape;
    return x.reshape([b * t, d]).matMul(w).reshape([b, t, w.shape[1]]);
  }

  function predictLogits(x) {
    const q = project(x, wq);
    const k = project(x, wk);
    const v = project(x, wv);
    const scores = tf.matMul(q, k).div(Math.sqrt(HEAD_DIM));
    const attention = tf.softmax(scores);
    const context = tf.matMul(attention, v);
    const atQuery = context.slice([0, SEQ_LEN - 1, 0], [-1, 1, -1]).reshape([-1, VALUE_DIM]);
    return atQuery.matMul(wOut).add(bOut);
  }

  function accuracy(x, y) {
    return tf.tidy(() => predictLogits(x).argMax(1).equal(y.argMax(1)).mean().dataSync()[0]);
  }

  const order = Array.from({ length: N_TRAIN }, (_, i) => i);
  const epochLoss = [];
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = rng.int(0, i + 1);
      [order[i], order[j]] = [order[j], order[i]];
    }
    const losses = [];
    for (let start = 0; start < N_TRAIN; start += BATCH_SIZE) {
      const idx = tf.tensor1d(order.slice(start, start + BATCH_SIZE), 'int32');
      const xb = tf.gather(train.x, idx);
      const yb = tf.gather(train.y, idx);
      losses.push(optimizer.minimize(() => tf.losses.softmaxCrossEntropy(yb, predictLogits(xb)), true));
      tf.dispose([idx, xb, yb]);
    }
    epochLoss.push(tf.addN(losses).dataSync()[0] / losses.length);
    tf.dispose(losses);
  }

  const trainAcc = accuracy(train.x, train.y);
  const testAcc = accuracy(test.x, test.y);
  console.log(`loss ${epochLoss[0].toFixed(3)} -> ${epochLoss[EPOCHS - 1].toFixed(3)} train acc ${trainAcc.toFixed(3)} | test acc ${testAcc.toFixed(3)} (chance ${(1 / NUM_VALUES).toFixed(3)})`);
}

main();
